/**
 * Monthly sampling (issue 7 §3): each agent gets up to N calls, spread over the month's weeks and
 * over the evaluators, with no evaluator given more than the daily cap on any day.
 */
export interface SampleCandidate {
  callId: string;
  agentId: string;
  /** Week of the month, 0-based (days 1–7 are week 0). */
  week: number;
  /** Local date of the call, yyyy-mm-dd. */
  date: string;
  /** Higher first: poor ratings, long holds and missed rings when targeting. */
  priority: number;
}

export interface SampleAssignment {
  callId: string;
  agentId: string;
  evaluatorId: string;
  week: number;
  /** The local date the evaluation is planned for. */
  dueDate: string;
}

export interface SamplePlanInput {
  /** Candidates already free of evaluated or assigned calls, best first within an agent's week. */
  candidates: SampleCandidate[];
  /** How many each agent still needs this month (N minus what earlier runs assigned). */
  needed: Map<string, number>;
  evaluators: string[];
  dailyCap: number;
  /** Load already planned per `${evaluatorId}|${date}`, from earlier runs. */
  load?: Map<string, number>;
  /** Days an assignment may slip when every evaluator is full on its day. */
  maxSlipDays?: number;
}

export function planSample(input: SamplePlanInput): SampleAssignment[] {
  const { evaluators, dailyCap } = input;
  if (evaluators.length === 0) return [];
  const load = new Map(input.load ?? []);
  const byAgent = new Map<string, SampleCandidate[][]>();
  for (const c of input.candidates) {
    const weeks = byAgent.get(c.agentId) ?? [];
    (weeks[c.week] ??= []).push(c);
    byAgent.set(c.agentId, weeks);
  }
  const out: SampleAssignment[] = [];
  let agentIndex = 0;
  for (const [agentId, weeks] of [...byAgent.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const picks = pickAcrossWeeks(weeks, input.needed.get(agentId) ?? 0, agentIndex);
    picks.forEach((c, j) => {
      const placed = place(c, (agentIndex + j) % evaluators.length, evaluators, dailyCap, load, input.maxSlipDays ?? 14);
      if (placed) out.push(placed);
    });
    agentIndex++;
  }
  return out;
}

/** Round-robin over the weeks that have calls, starting at a week that differs by agent. */
function pickAcrossWeeks(weeks: SampleCandidate[][], needed: number, offset: number): SampleCandidate[] {
  const queues = weeks.filter((w) => w && w.length).map((w) => [...w].sort((a, b) => b.priority - a.priority));
  const picks: SampleCandidate[] = [];
  for (let turn = 0; picks.length < needed && queues.some((q) => q.length); turn++) {
    const q = queues[(offset + turn) % queues.length];
    const c = q.shift();
    if (c) picks.push(c);
  }
  return picks;
}

/** The preferred evaluator on the day after the call; the next with room that day; else a later day. */
function place(c: SampleCandidate, first: number, evaluators: string[], cap: number, load: Map<string, number>, maxSlip: number): SampleAssignment | null {
  for (let slip = 1; slip <= maxSlip + 1; slip++) {
    const date = addDays(c.date, slip);
    for (let k = 0; k < evaluators.length; k++) {
      const evaluatorId = evaluators[(first + k) % evaluators.length];
      const key = `${evaluatorId}|${date}`;
      const used = load.get(key) ?? 0;
      if (used < cap) {
        load.set(key, used + 1);
        return { callId: c.callId, agentId: c.agentId, evaluatorId, week: c.week, dueDate: date };
      }
    }
  }
  return null;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
