import { AbandonReason } from '../events/call-event';
import { CallFacts } from '../facts/call-facts';

/**
 * What one call adds to a queue report, worked out once from its facts. Stored beside the facts
 * (one column each), so the report is a SQL sum over these and never re-reads the facts; the
 * in-memory report sums the very same figures. The rules live here only.
 */
export interface QueueCallFigures {
  /** Calls are placed in time by their arrival in the queue. */
  arrivalAt: number;
  waitMs: number | null;
  answered: boolean;
  /** Set only for a call that left unanswered. */
  abandonReason: AbandonReason | null;
  abandonWaitMs: number | null;
  closedByTimeout: boolean;
  /** Talk and hold of an answered call (0 otherwise). */
  talkMs: number;
  holdMs: number;
  missedLegs: number;
  ringSumMs: number;
  /** Legs with a known ring time. */
  ringCount: number;
}

/** A call belongs to the queue report when it entered a queue (outbound and direct calls never waited). */
export const enteredQueue = (c: CallFacts): boolean => c.queuedAt !== null || c.waitMs !== null || c.abandoned !== null;

/** The call's figures, or null when it never entered a queue. */
export function queueCallFigures(c: CallFacts): QueueCallFigures | null {
  if (!enteredQueue(c)) return null;
  const abandoned = c.abandoned !== null && !c.answered ? c.abandoned : null;
  const rings = c.legs.flatMap((l) => (l.ringMs === null ? [] : [l.ringMs]));
  return {
    arrivalAt: c.queuedAt ?? c.firstEventAt,
    waitMs: c.waitMs,
    answered: c.answered,
    abandonReason: abandoned?.reason ?? null,
    abandonWaitMs: abandoned?.waitMs ?? null,
    closedByTimeout: c.closedByTimeout,
    talkMs: c.answered ? c.legs.reduce((s, l) => s + (l.talkMs ?? 0), 0) : 0,
    holdMs: c.answered ? c.legs.reduce((s, l) => s + l.holdMs, 0) : 0,
    missedLegs: c.legs.filter((l) => l.missed).length,
    ringSumMs: rings.reduce((s, r) => s + r, 0),
    ringCount: rings.length,
  };
}

/**
 * The wait bin of a wait: bins count their upper edge, as the service level does ("answered
 * within 15 s" includes 15 s): bin 0 is [0, w], bin i is (i·w, (i+1)·w].
 */
export const waitBinOf = (waitMs: number, binMs: number): number => (waitMs <= 0 ? 0 : Math.ceil(waitMs / binMs) - 1);
