/**
 * A month of a call centre for bench:attendance: agents in teams of 21 (3 per region, the policy
 * limit), every agent rostered every day of the month (morning and afternoon alternating), and
 * four clock events per day (in, a break out and in, out) with some lateness and early leaves.
 */
const REGIONS = ['east', 'south', 'southwest', 'central', 'northeast', 'northwest', 'north'];
export const PERIOD = '2026-10';
const DAYS = 31;

export interface MonthLoad {
  agents: object[];
  rosters: Array<{ agentId: string; date: string; shift: string }>;
  events: Array<{ eventId: string; agentId: string; type: 'in' | 'out'; at: string }>;
}

/** Deterministic pseudo-random numbers, so every run posts the same month. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32);
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A Shanghai wall-clock time on a day, as an ISO instant with its +08:00 offset. */
const local = (date: string, minutes: number) => {
  const day = Math.floor(minutes / 1440);
  const m = minutes - day * 1440;
  const d = day ? `${date.slice(0, 8)}${pad(Number(date.slice(8)) + day)}` : date;
  return `${d}T${pad(Math.floor(m / 60))}:${pad(m % 60)}:00+08:00`;
};

export function generateMonth(agentCount: number, targetEvents: number, seed = 7): MonthLoad {
  const r = rng(seed);
  const agents = Array.from({ length: agentCount }, (_, i) => ({
    agentId: `B${String(i).padStart(5, '0')}`, name: `坐席 ${i}`, team: `T${Math.floor(i / 21)}`, region: REGIONS[Math.floor(i / 3) % 7],
    role: 'agent', hireDate: '2025-01-01', supervisorId: null, level: 'regular', active: true,
  }));
  const rosters: MonthLoad['rosters'] = [];
  const events: MonthLoad['events'] = [];
  for (let d = 1; d <= DAYS; d++) {
    const date = `${PERIOD}-${pad(d)}`;
    agents.forEach((a, i) => {
      const morning = (i + d) % 2 === 0;
      rosters.push({ agentId: a.agentId, date, shift: morning ? 'morning' : 'afternoon' });
      const [start, end] = morning ? [8 * 60, 15 * 60 + 30] : [14 * 60 + 30, 22 * 60];
      const late = r() < 0.05 ? Math.floor(r() * 40) : -Math.floor(r() * 10);
      const early = r() < 0.03 ? Math.floor(r() * 30) : -Math.floor(r() * 10);
      const brk = start + 180 + Math.floor(r() * 60);
      const id = `${a.agentId}-${date}`;
      events.push(
        { eventId: `${id}-in`, agentId: a.agentId, type: 'in', at: local(date, start + late) },
        { eventId: `${id}-bo`, agentId: a.agentId, type: 'out', at: local(date, brk) },
        { eventId: `${id}-bi`, agentId: a.agentId, type: 'in', at: local(date, brk + 30) },
        { eventId: `${id}-out`, agentId: a.agentId, type: 'out', at: local(date, end - early) },
      );
    });
  }
  // Shuffle (clocks report late and out of order), then re-send some as duplicates up to the target.
  for (let i = events.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [events[i], events[j]] = [events[j], events[i]];
  }
  const dupes = Math.max(0, targetEvents - events.length);
  for (let i = 0; i < dupes; i++) events.push(events[Math.floor(r() * (events.length - i))]);
  return { agents, rosters, events };
}

export function chunk<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
