import { DateTime } from 'luxon';
import { callEvents, type DemoCallEvent } from './month-calls';
import { demoAgents, type DemoAgent } from './demo-centre';
import { Rng } from './rng';

export const DEMO_ZONE = 'Asia/Shanghai';
const SHIFTS = { morning: { start: '08:00', end: '15:30' }, afternoon: { start: '14:30', end: '22:00' } } as const;
type ShiftCode = keyof typeof SHIFTS;

export interface RosterDay { agentId: string; date: string; shift: ShiftCode | 'off' }
export interface ClockEvent { eventId: string; agentId: string; type: 'in' | 'out'; at: string }
export interface LeavePlan { agentId: string; type: string; from: string; to: string }
export interface SwapPlan { requesterId: string; counterpartId: string; date: string; paybackDate: string }

/** A whole demo month: who works when, what the badge clock saw, leave, one swap, and every call. */
export interface DemoMonth {
  period: string;
  seed: number;
  agents: DemoAgent[];
  rosters: RosterDay[];
  leave: LeavePlan[];
  swap: SwapPlan;
  clockEvents: ClockEvent[];
  calls: DemoCallEvent[];
  /** What the plan put in on purpose, so the demo can say what to look for. */
  notes: string[];
}

const SKILL: Record<DemoAgent['profile'], number> = { star: 0.95, steady: 0.7, struggling: 0.35 };

function daysOf(period: string): DateTime[] {
  const first = DateTime.fromISO(`${period}-01`, { zone: DEMO_ZONE });
  return Array.from({ length: first.daysInMonth! }, (_, i) => first.plus({ days: i }));
}

function plannedShift(a: DemoAgent, index: number, day: DateTime): ShiftCode | 'off' {
  const weekday = day.weekday % 7;
  if (weekday === index % 7 || weekday === (index + 3) % 7) return 'off';
  const evenWeek = day.weekNumber % 2 === 0;
  return (a.team === 'T1') === evenWeek ? 'morning' : 'afternoon';
}

/** Builds the month for `period` (yyyy-mm) from `seed`; the same inputs give the same month. */
export function planMonth(period: string, seed = 20261): DemoMonth {
  const rng = new Rng(seed);
  const agents = demoAgents();
  const days = daysOf(period);
  const shiftOf = new Map<string, ShiftCode | 'off'>();
  const key = (agentId: string, date: string) => `${agentId}|${date}`;
  agents.forEach((a, i) => days.forEach((d) => shiftOf.set(key(a.agentId, d.toISODate()!), plannedShift(a, i, d))));
  const rosters: RosterDay[] = [...shiftOf].map(([k, shift]) => {
    const [agentId, date] = k.split('|');
    return { agentId, date, shift };
  });
  const notes: string[] = [];

  // A swap between two agents of team T1: A2004 works A2002's shift on `date`, A2002 pays back on `paybackDate`.
  const works = (id: string, date: string) => shiftOf.get(key(id, date)) !== 'off';
  const dates = days.map((d) => d.toISODate()!);
  // Each takes a day they are off, so nobody works two shifts in one day (连班); the two are in the same
  // team, so they keep the same shift that week and no afternoon runs into a next-day morning.
  const swapDate = dates.find((d, i) => i > 5 && works('A2002', d) && !works('A2004', d))!;
  const paybackDate = dates.find((d, i) => i > dates.indexOf(swapDate) + 3 && works('A2004', d) && !works('A2002', d))!;
  const swap: SwapPlan = { requesterId: 'A2002', counterpartId: 'A2004', date: swapDate, paybackDate };
  notes.push(`shift swap A2002 ↔ A2004: ${swapDate} / pay-back ${paybackDate}`);
  const worker = (agentId: string, date: string): string | null => {
    if (date === swapDate && agentId === 'A2004') return 'A2002';
    if (date === swapDate && agentId === 'A2002') return null;
    if (date === paybackDate && agentId === 'A2002') return 'A2004';
    if (date === paybackDate && agentId === 'A2004') return null;
    return works(agentId, date) ? agentId : null;
  };

  const workDays = (id: string) => dates.filter((d) => works(id, d));
  const leave: LeavePlan[] = [{ agentId: 'A2005', type: 'annual', from: workDays('A2005')[8], to: workDays('A2005')[9] }];
  notes.push(`annual leave A2005: ${leave[0].from} – ${leave[0].to}`);
  const onLeave = new Set([key('A2005', workDays('A2005')[8]), key('A2005', workDays('A2005')[9])]);
  const absent = key('A2007', workDays('A2007')[11]);
  notes.push(`absence A2007: ${workDays('A2007')[11]}`);
  const late = new Map([
    [key('A2003', workDays('A2003')[2]), 38],
    [key('A2007', workDays('A2007')[4]), 12],
    [key('A2007', workDays('A2007')[15]), 25],
  ]);
  for (const [k, m] of late) notes.push(`late ${m} min: ${k.replace('|', ' ')}`);

  const clockEvents: ClockEvent[] = [];
  const calls: DemoCallEvent[] = [];
  const byId = new Map(agents.map((a) => [a.agentId, a]));
  let callNo = 0;
  for (const date of dates) {
    const onShift: Record<ShiftCode, string[]> = { morning: [], afternoon: [] };
    for (const a of agents) {
      const whose = worker(a.agentId, date);
      if (!whose || onLeave.has(key(a.agentId, date)) || absent === key(a.agentId, date)) continue;
      const shift = shiftOf.get(key(whose, date)) as ShiftCode;
      onShift[shift].push(a.agentId);
      const s = SHIFTS[shift];
      const start = DateTime.fromISO(`${date}T${s.start}`, { zone: DEMO_ZONE });
      const end = DateTime.fromISO(`${date}T${s.end}`, { zone: DEMO_ZONE });
      const lateBy = late.get(key(a.agentId, date));
      const inAt = lateBy ? start.plus({ minutes: lateBy }) : start.minus({ minutes: rng.int(3, 15) });
      clockEvents.push({ eventId: `clk-${a.agentId}-${date}-in`, agentId: a.agentId, type: 'in', at: inAt.toISO()! });
      clockEvents.push({ eventId: `clk-${a.agentId}-${date}-out`, agentId: a.agentId, type: 'out', at: end.plus({ minutes: rng.int(0, 10) }).toISO()! });
    }
    for (const shift of ['morning', 'afternoon'] as const) {
      const staff = onShift[shift];
      if (staff.length === 0) continue;
      const start = DateTime.fromISO(`${date}T${SHIFTS[shift].start}`, { zone: DEMO_ZONE });
      const count = staff.length * rng.int(16, 22);
      for (let i = 0; i < count; i++) {
        const agentId = staff[i % staff.length];
        const missedBy = rng.chance(0.005) && staff.length > 1 ? [staff[(i + 1) % staff.length]] : [];
        const begin = start.plus({ seconds: Math.floor((i / count) * 7 * 3600) + rng.int(0, 60) });
        calls.push(...callEvents(rng, {
          callId: `demo-${period}-${++callNo}`, start: begin, queue: rng.chance(0.6) ? 'service' : 'sales',
          agents: [...missedBy, agentId], skill: SKILL[byId.get(agentId)!.profile],
        }));
      }
    }
  }
  return { period, seed, agents, rosters, leave, swap, clockEvents, calls, notes };
}
