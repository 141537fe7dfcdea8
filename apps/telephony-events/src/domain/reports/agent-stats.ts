import { RATINGS, Rating } from '../events/call-event';
import { CallFacts } from '../facts/call-facts';
import { isCallOpen } from '../facts/call-predicates';
import { AgentLegFigures, agentLegFigures } from './agent-leg-figures';
import { roundTo } from '../numbers';
import { waitBinOf } from './queue-call-figures';

/** Sums over one agent's legs in a window; the SQL report (store/agent-totals.sql.ts) computes the same. */
export interface AgentTotals {
  agentId: string;
  offered: number;
  answered: number;
  ringNoAnswer: number;
  ringLimitExceeded: number;
  ringSumMs: number;
  ringCount: number;
  talkMs: number;
  holdMs: number;
  holdCount: number;
  longHolds: number;
  wrapUpMs: number;
  wrapUpCount: number;
  transferred: number;
  mosSum: number;
  mosCount: number;
  ratings: Record<Rating, number>;
  /** Answers by the call's queue wait, by bin index (waitBinOf). */
  answersByWait: Map<number, number>;
}

export interface AgentStats {
  agentId: string;
  offered: number;
  answered: number;
  ringNoAnswer: number;
  ringLimitExceeded: number;
  averageRingMs: number | null;
  talk: { totalMs: number; averageMs: number | null };
  hold: { totalMs: number; averageMs: number | null; count: number; longHolds: number };
  wrapUp: { totalMs: number; averageMs: number | null };
  transferred: number;
  averageMos: number | null;
  ratings: Record<Rating, number>;
  /** Answers with a queue wait in (fromMs, toMs] (the first bin includes 0), and cumulatively within toMs. */
  answersByWait: { fromMs: number; toMs: number; answered: number; answeredWithin: number }[];
}

/** The window a report covers, answered beside its rows. */
export interface AgentStatsWindow {
  from: string;
  to: string;
  timeZone: string;
  binMs: number;
}

export interface AgentStatsReport extends AgentStatsWindow {
  agents: AgentStats[];
}

export function emptyAgentTotals(agentId: string): AgentTotals {
  return {
    agentId, offered: 0, answered: 0, ringNoAnswer: 0, ringLimitExceeded: 0, ringSumMs: 0, ringCount: 0, talkMs: 0, holdMs: 0,
    holdCount: 0, longHolds: 0, wrapUpMs: 0, wrapUpCount: 0, transferred: 0, mosSum: 0, mosCount: 0,
    ratings: Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>, answersByWait: new Map(),
  };
}

export function addLeg(t: AgentTotals, l: AgentLegFigures, binMs: number): void {
  t.offered++;
  if (l.answered) t.answered++;
  if (l.missed) t.ringNoAnswer++;
  if (l.ringLimitExceeded) t.ringLimitExceeded++;
  if (l.ringMs !== null) {
    t.ringSumMs += l.ringMs;
    t.ringCount++;
  }
  if (l.answered) t.talkMs += l.talkMs ?? 0;
  t.holdMs += l.holdMs;
  t.holdCount += l.holdCount;
  if (l.longHold) t.longHolds++;
  if (l.wrapUpMs !== null) {
    t.wrapUpMs += l.wrapUpMs;
    t.wrapUpCount++;
  }
  if (l.transferred) t.transferred++;
  if (l.mos !== null) {
    t.mosSum += l.mos;
    t.mosCount++;
  }
  if (l.rating !== null) t.ratings[l.rating]++;
  if (l.answeredAfterWaitMs !== null) {
    const bin = waitBinOf(l.answeredAfterWaitMs, binMs);
    t.answersByWait.set(bin, (t.answersByWait.get(bin) ?? 0) + 1);
  }
}

/** Adds `from` into `into` (the SQL groups by agent and wait bin; an agent's totals are their sum). */
export function mergeAgentTotals(into: AgentTotals, from: AgentTotals): void {
  for (const key of ['offered', 'answered', 'ringNoAnswer', 'ringLimitExceeded', 'ringSumMs', 'ringCount', 'talkMs', 'holdMs', 'holdCount',
    'longHolds', 'wrapUpMs', 'wrapUpCount', 'transferred', 'mosSum', 'mosCount'] as const) into[key] += from[key];
  for (const r of RATINGS) into.ratings[r] += from.ratings[r];
  for (const [i, n] of from.answersByWait) into.answersByWait.set(i, (into.answersByWait.get(i) ?? 0) + n);
}

const wholeMs = (sum: number, n: number) => (n === 0 ? null : Math.round(sum / n));

export function agentStatsOf(t: AgentTotals, binMs: number, binCount: number): AgentStats {
  let within = 0;
  return {
    agentId: t.agentId,
    offered: t.offered,
    answered: t.answered,
    ringNoAnswer: t.ringNoAnswer,
    ringLimitExceeded: t.ringLimitExceeded,
    averageRingMs: wholeMs(t.ringSumMs, t.ringCount),
    talk: { totalMs: t.talkMs, averageMs: wholeMs(t.talkMs, t.answered) },
    hold: { totalMs: t.holdMs, averageMs: wholeMs(t.holdMs, t.answered), count: t.holdCount, longHolds: t.longHolds },
    wrapUp: { totalMs: t.wrapUpMs, averageMs: wholeMs(t.wrapUpMs, t.wrapUpCount) },
    transferred: t.transferred,
    averageMos: t.mosCount === 0 ? null : roundTo(t.mosSum / t.mosCount, 2),
    ratings: t.ratings,
    answersByWait: Array.from({ length: binCount }, (_, i) => {
      const answered = t.answersByWait.get(i) ?? 0;
      within += answered;
      return { fromMs: i * binMs, toMs: (i + 1) * binMs, answered, answeredWithin: within };
    }),
  };
}

/** The wait bins every agent is shown with: the widest any of them has, + 1 (the SQL report's `max(bin) OVER ()` + 1). */
export const binCountOf = (totals: readonly AgentTotals[]): number =>
  totals.reduce((n, t) => Math.max(n, ...[...t.answersByWait.keys()].map((k) => k + 1)), 0);

/**
 * The whole report from per-agent totals in memory (tests, tools), every agent with the same distribution
 * shape; agents in id order. The service answers pages of the same rows (agent-stats/get-agent-stats.ts).
 */
export function agentStatsReport(totals: AgentTotals[], o: AgentStatsWindow): AgentStatsReport {
  const binCount = binCountOf(totals);
  const agents = [...totals].sort((a, b) => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0)).map((t) => agentStatsOf(t, o.binMs, binCount));
  return { ...o, agents };
}

/**
 * In memory over facts (tests, tools): legs that began in [from, to), optionally of one queue.
 * Like the stored rows, only calls that are over count (a running call's legs are not final).
 */
export function computeAgentTotals(facts: readonly CallFacts[], from: number, to: number, binMs: number, queue?: string): AgentTotals[] {
  const byAgent = new Map<string, AgentTotals>();
  for (const c of facts) {
    if ((queue !== undefined && c.queue !== queue) || isCallOpen(c)) continue;
    for (const l of agentLegFigures(c)) {
      if (l.at < from || l.at >= to) continue;
      const t = byAgent.get(l.agentId) ?? byAgent.set(l.agentId, emptyAgentTotals(l.agentId)).get(l.agentId)!;
      addLeg(t, l, binMs);
    }
  }
  return [...byAgent.values()];
}
