import { ABANDON_REASONS, AbandonReason } from '../events/call-event';
import { ratio } from '../numbers';
import { QueueTotals } from './queue-totals';

/** Waits in (fromMs, toMs]; the first bin includes 0. */
export interface WaitBin { fromMs: number; toMs: number; calls: number; answered: number; abandoned: number }
/** Cumulative: answered with a wait ≤ withinMs (Asternic's "answered within N s"). */
export interface AnsweredWithin { withinMs: number; answered: number; ofAnswered: number | null }

export interface QueueStats {
  offered: number;
  answered: number;
  abandoned: { total: number; afterTarget: number } & Record<AbandonReason, number>;
  /** Calls that never reported an end and were closed by the call timeout. */
  timeouts: number;
  answeredWithinTarget: number;
  averageSpeedOfAnswerMs: number | null;
  talk: { totalMs: number; averageMs: number | null };
  hold: { totalMs: number; averageMs: number | null };
  serviceLevel: { ofAnswered: number | null; ofAnsweredAndAbandoned: number | null; ofAnsweredAndAbandonedAfterTarget: number | null };
  ringNoAnswer: number;
  averageRingMs: number | null;
  waitDistribution: WaitBin[];
  answeredWithin: AnsweredWithin[];
}

// Averages of durations are whole milliseconds; finer precision would be noise.
const wholeMs = (sum: number, n: number) => (n === 0 ? null : Math.round(sum / n));

/** The report figures of one group's totals; `binCount` fixes the distribution's shape across groups. */
export function queueStatsOf(t: QueueTotals, binMs: number, binCount: number): QueueStats {
  const abandonedTotal = ABANDON_REASONS.reduce((s, r) => s + t.abandoned[r], 0);
  const bins: WaitBin[] = Array.from({ length: binCount }, (_, i) => ({
    fromMs: i * binMs, toMs: (i + 1) * binMs, ...(t.bins.get(i) ?? { calls: 0, answered: 0, abandoned: 0 }),
  }));
  let cumulative = 0;
  const answeredWithin = bins.map((b) => {
    cumulative += b.answered;
    return { withinMs: b.toMs, answered: cumulative, ofAnswered: ratio(cumulative, t.answered) };
  });
  return {
    offered: t.offered,
    answered: t.answered,
    abandoned: { total: abandonedTotal, afterTarget: t.abandonedAfterTarget, ...t.abandoned },
    timeouts: t.timeouts,
    answeredWithinTarget: t.answeredWithinTarget,
    averageSpeedOfAnswerMs: wholeMs(t.answeredWaitSumMs, t.answeredWaitCount),
    talk: { totalMs: t.talkMs, averageMs: wholeMs(t.talkMs, t.answered) },
    hold: { totalMs: t.holdMs, averageMs: wholeMs(t.holdMs, t.answered) },
    serviceLevel: {
      ofAnswered: ratio(t.answeredWithinTarget, t.answered),
      ofAnsweredAndAbandoned: ratio(t.answeredWithinTarget, t.answered + abandonedTotal),
      ofAnsweredAndAbandonedAfterTarget: ratio(t.answeredWithinTarget, t.answered + t.abandonedAfterTarget),
    },
    ringNoAnswer: t.ringNoAnswer,
    averageRingMs: wholeMs(t.ringSumMs, t.ringCount),
    waitDistribution: bins,
    answeredWithin,
  };
}
