import { ABANDON_REASONS, AbandonReason } from './call-event';
import { CallFacts } from './call-facts';
import { average, ratio } from './numbers';

export interface WaitBin { fromMs: number; toMs: number; calls: number; answered: number; abandoned: number }

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
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
// Averages of durations are whole milliseconds; finer precision would be noise.
const wholeMs = (value: number | null) => (value === null ? null : Math.round(value));

/** Statistics of one group of calls; `binCount` fixes the distribution's shape across groups. */
export function tallyQueueStats(calls: CallFacts[], targetMs: number, binMs: number, binCount: number): QueueStats {
  const answered = calls.filter((c) => c.answered);
  const abandoned = calls.filter((c) => c.abandoned !== null && !c.answered);
  const byReason = Object.fromEntries(ABANDON_REASONS.map((r) => [r, abandoned.filter((c) => c.abandoned?.reason === r).length])) as Record<AbandonReason, number>;
  // Strictly past the target, matching CallFacts.abandonedAfterTarget; an unknown wait is not after it.
  const afterTarget = abandoned.filter((c) => c.abandoned?.waitMs != null && c.abandoned.waitMs > targetMs).length;
  // Answered within target includes a wait exactly equal to the target.
  const withinTarget = answered.filter((c) => c.waitMs !== null && c.waitMs <= targetMs).length;
  const talkMs = sum(answered.flatMap((c) => c.legs.map((l) => l.talkMs ?? 0)));
  const holdMs = sum(answered.flatMap((c) => c.legs.map((l) => l.holdMs)));
  const legs = calls.flatMap((c) => c.legs);
  const rings = legs.flatMap((l) => (l.ringMs === null ? [] : [l.ringMs]));
  const bins: WaitBin[] = Array.from({ length: binCount }, (_, i) => ({ fromMs: i * binMs, toMs: (i + 1) * binMs, calls: 0, answered: 0, abandoned: 0 }));
  for (const c of calls) {
    if (c.waitMs === null) continue;
    const bin = bins[Math.floor(c.waitMs / binMs)]; // a wait on a boundary falls in the upper bin
    bin.calls++;
    if (c.answered) bin.answered++;
    else if (c.abandoned) bin.abandoned++;
  }
  return {
    offered: calls.length,
    answered: answered.length,
    abandoned: { total: abandoned.length, afterTarget, ...byReason },
    timeouts: calls.filter((c) => c.closedByTimeout).length,
    answeredWithinTarget: withinTarget,
    averageSpeedOfAnswerMs: wholeMs(average(answered.flatMap((c) => (c.waitMs === null ? [] : [c.waitMs])))),
    talk: { totalMs: talkMs, averageMs: wholeMs(answered.length ? talkMs / answered.length : null) },
    hold: { totalMs: holdMs, averageMs: wholeMs(answered.length ? holdMs / answered.length : null) },
    serviceLevel: {
      ofAnswered: ratio(withinTarget, answered.length),
      ofAnsweredAndAbandoned: ratio(withinTarget, answered.length + abandoned.length),
      ofAnsweredAndAbandonedAfterTarget: ratio(withinTarget, answered.length + afterTarget),
    },
    ringNoAnswer: legs.filter((l) => l.missed).length,
    averageRingMs: wholeMs(average(rings)),
    waitDistribution: bins,
  };
}
