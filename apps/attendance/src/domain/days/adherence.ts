/** An agent's login changes from the telephony system (telephony.agent.state). */
export interface AgentStateChange {
  kind: string;
  at: number;
}

export interface Interval {
  from: number;
  to: number;
}

const STARTS = new Set(['login', 'unpause']);
const STOPS = new Set(['logout', 'pause']);

/** Logged-in, unpaused time as intervals; an interval still open ends at `until`. */
export function availableIntervals(changes: AgentStateChange[], until: number): Interval[] {
  const out: Interval[] = [];
  let since: number | null = null;
  for (const c of [...changes].sort((a, b) => a.at - b.at)) {
    if (STARTS.has(c.kind) && since === null) since = c.at;
    else if (STOPS.has(c.kind) && since !== null) {
      out.push({ from: since, to: c.at });
      since = null;
    }
  }
  if (since !== null && since < until) out.push({ from: since, to: until });
  return out;
}

/** Share of rostered shift time spent logged in (0..1, two decimals); null with no rostered time. */
export function adherence(shifts: Interval[], available: Interval[]): { rosteredMinutes: number; loggedInMinutes: number; ratio: number | null } {
  let rostered = 0;
  let overlap = 0;
  for (const s of shifts) {
    rostered += s.to - s.from;
    for (const a of available) overlap += Math.max(0, Math.min(s.to, a.to) - Math.max(s.from, a.from));
  }
  const ratio = rostered > 0 ? Math.round((overlap / rostered) * 100) / 100 : null;
  return { rosteredMinutes: Math.round(rostered / 60_000), loggedInMinutes: Math.round(overlap / 60_000), ratio };
}
