import { ABANDON_REASONS, AbandonReason } from '../events/call-event';
import { QueueCallFigures, waitBinOf } from './queue-call-figures';

export interface BinCounts { calls: number; answered: number; abandoned: number }

/** Sums over a group of calls: everything a queue report needs, and nothing it must re-read calls for. */
export interface QueueTotals {
  offered: number;
  answered: number;
  abandoned: Record<AbandonReason, number>;
  abandonedAfterTarget: number;
  timeouts: number;
  answeredWithinTarget: number;
  answeredWaitSumMs: number;
  answeredWaitCount: number;
  talkMs: number;
  holdMs: number;
  ringNoAnswer: number;
  ringSumMs: number;
  ringCount: number;
  /** By bin index (see waitBinOf); absent bins hold no call. */
  bins: Map<number, BinCounts>;
}

export function emptyTotals(): QueueTotals {
  return {
    offered: 0, answered: 0, abandoned: Object.fromEntries(ABANDON_REASONS.map((r) => [r, 0])) as Record<AbandonReason, number>,
    abandonedAfterTarget: 0, timeouts: 0, answeredWithinTarget: 0, answeredWaitSumMs: 0, answeredWaitCount: 0,
    talkMs: 0, holdMs: 0, ringNoAnswer: 0, ringSumMs: 0, ringCount: 0, bins: new Map(),
  };
}

/**
 * Adds one call. The SQL report (PgCallFactsStore.queueTotals) computes the same sums with the
 * same comparisons; an integration test holds the two to the same answers.
 */
export function addCall(t: QueueTotals, f: QueueCallFigures, targetMs: number, binMs: number): void {
  t.offered++;
  if (f.answered) {
    t.answered++;
    if (f.waitMs !== null) {
      t.answeredWaitSumMs += f.waitMs;
      t.answeredWaitCount++;
      // Answered within target includes a wait exactly equal to the target.
      if (f.waitMs <= targetMs) t.answeredWithinTarget++;
    }
  }
  if (f.abandonReason !== null) {
    t.abandoned[f.abandonReason]++;
    // Strictly past the target, matching CallFacts.abandonedAfterTarget; an unknown wait is not after it.
    if (f.abandonWaitMs !== null && f.abandonWaitMs > targetMs) t.abandonedAfterTarget++;
  }
  if (f.closedByTimeout) t.timeouts++;
  t.talkMs += f.talkMs;
  t.holdMs += f.holdMs;
  t.ringNoAnswer += f.missedLegs;
  t.ringSumMs += f.ringSumMs;
  t.ringCount += f.ringCount;
  if (f.waitMs !== null) {
    const i = waitBinOf(f.waitMs, binMs);
    const bin = t.bins.get(i) ?? { calls: 0, answered: 0, abandoned: 0 };
    bin.calls++;
    if (f.answered) bin.answered++;
    else if (f.abandonReason !== null) bin.abandoned++;
    t.bins.set(i, bin);
  }
}

/** Adds `from` into `into` (an hour's totals into its day's, a day's into the overall). */
export function mergeTotals(into: QueueTotals, from: QueueTotals): void {
  for (const key of ['offered', 'answered', 'abandonedAfterTarget', 'timeouts', 'answeredWithinTarget', 'answeredWaitSumMs', 'answeredWaitCount',
    'talkMs', 'holdMs', 'ringNoAnswer', 'ringSumMs', 'ringCount'] as const) into[key] += from[key];
  for (const r of ABANDON_REASONS) into.abandoned[r] += from.abandoned[r];
  for (const [i, b] of from.bins) {
    const bin = into.bins.get(i) ?? { calls: 0, answered: 0, abandoned: 0 };
    bin.calls += b.calls;
    bin.answered += b.answered;
    bin.abandoned += b.abandoned;
    into.bins.set(i, bin);
  }
}
