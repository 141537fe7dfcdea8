import { ParsedCallEvent, RecordingData, REPORTED_TOTAL_FIELDS } from '../events/call-event';
import { CallFacts, RecordingFacts } from './call-facts';
import { LegState } from './call-leg-state';
import { average, roundTo, spanMs } from '../numbers';
import { CallState } from './replay-call-events';
import { summariseLeg } from './summarise-leg';
import { TelephonyPolicy } from '../telephony-policy';

type Quality = CallState['samples'][number];

const mosOf = (samples: readonly Quality[]): number | null => {
  const avg = average(samples.map((s) => s.data.mos));
  return avg === null ? null : roundTo(avg, 2);
};
const maxOf = (values: number[]): number | null => (values.length === 0 ? null : Math.max(...values));

/** The answered leg with the latest answer, optionally of one agent. */
function lastAnsweredLeg(legs: LegState[], agentId?: string): LegState | undefined {
  let best: LegState | undefined;
  for (const leg of legs) {
    if (leg.answeredAt === null || (agentId !== undefined && leg.agentId !== agentId)) continue;
    if (best === undefined || leg.answeredAt >= (best.answeredAt as number)) best = leg;
  }
  return best;
}

/** A rating belongs to the named agent's last conversation, else to whoever answered last (they invite it). */
function applyRatings(state: CallState): void {
  for (const rated of state.ratings) {
    const leg = lastAnsweredLeg(state.legs, rated.agentId);
    if (!leg) continue;
    leg.rating = rated.data.rating; // ratings are in order, so the latest wins
    leg.ids.add(rated.eventId);
  }
}

/** The leg that a source's reported hold/talk totals describe, when they may be used at all. */
function reportedTotalsLeg(state: CallState): LegState | undefined {
  const ended = state.ended;
  if (!ended || state.hasHoldEvents) return undefined; // individual hold events always win
  if (!REPORTED_TOTAL_FIELDS.some((f) => ended.data[f] !== undefined)) return undefined;
  return lastAnsweredLeg(state.legs, ended.agentId ?? undefined) ?? lastAnsweredLeg(state.legs);
}

export function summariseCall(callId: string, state: CallState, ordered: ParsedCallEvent[], policy: TelephonyPolicy): CallFacts {
  applyRatings(state);
  const firstEventAt = ordered[0].at;
  const lastEventAt = ordered[ordered.length - 1].at;
  const callMos = mosOf(state.samples);
  const totalsLeg = reportedTotalsLeg(state);
  const legs = state.legs.map((leg) => {
    const own = state.samples.filter((s) => s.agentId === leg.agentId);
    if (leg.answeredAt !== null) own.forEach((s) => leg.ids.add(s.eventId));
    const reported = leg === totalsLeg ? state.ended?.data : undefined;
    return summariseLeg(leg, lastEventAt, policy, own.length > 0 ? mosOf(own) : callMos, reported);
  });
  const { queuedAt, firstAnswer, abandoned, ended } = state;
  const sinceQueued = (at: number) => (queuedAt === null ? null : spanMs(queuedAt, at));
  // The source's own wait figure wins over the timestamps.
  const abandonWait = abandoned ? abandoned.waitMs ?? sinceQueued(abandoned.at) : null;
  const waitMs = firstAnswer ? firstAnswer.waitMs ?? sinceQueued(firstAnswer.at) : abandonWait;
  const ratings = state.ratings;
  return {
    callId,
    queue: state.queuedQueue ?? state.queue,
    direction: state.direction,
    callerId: state.callerId,
    queuedAt,
    waitMs,
    answered: legs.some((l) => l.answeredAt !== null),
    abandoned: abandoned ? { reason: abandoned.reason, waitMs: abandonWait } : null,
    // An abandonment of unknown wait is not counted as after target.
    abandonedAfterTarget: abandonWait !== null && abandonWait > policy.serviceLevelTargetMs,
    endedAt: ended?.at ?? abandoned?.at ?? null, // an abandoned call is over when the caller left
    endedBy: ended?.data.endedBy ?? null,
    closedByTimeout: false,
    firstEventAt,
    lastEventAt,
    mos: callMos,
    minMos: state.samples.length === 0 ? null : Math.min(...state.samples.map((s) => s.data.mos)),
    maxJitterMs: maxOf(state.samples.map((s) => s.data.jitterMs)),
    maxPacketLossPct: maxOf(state.samples.map((s) => s.data.packetLossPct)),
    rating: ratings.length === 0 ? null : ratings[ratings.length - 1].data.rating,
    legs,
    sourceEventIds: ordered.map((e) => e.eventId).sort(),
    ...(state.recording === null ? {} : { recording: recordingFacts(state.recording) }),
  };
}

function recordingFacts(r: RecordingData): RecordingFacts {
  return { uri: r.uri, durationMs: r.durationMs ?? null, channels: r.channels ?? null, format: r.format ?? null };
}
