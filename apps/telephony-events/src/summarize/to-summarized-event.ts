import type { CallSummarizedEvent } from '@app/contracts';
import type { CallFacts } from '../domain/facts/call-facts';
import { toIsoUtc } from '../domain/events/iso-instant';

const iso = (ms: number | null): string | null => (ms === null ? null : toIsoUtc(ms));

export const summarizedEventId = (callId: string, version: number) => `call-${callId}-v${version}`;

/** Facts (epoch ms inside) → the published payload (ISO instants, contracts.md). */
export function toSummarizedEvent(f: CallFacts, version: number, policyVersion: string): CallSummarizedEvent {
  return {
    eventId: summarizedEventId(f.callId, version),
    schemaVersion: 1,
    callId: f.callId,
    version,
    policyVersion,
    queue: f.queue,
    direction: f.direction,
    callerId: f.callerId,
    queuedAt: iso(f.queuedAt),
    waitMs: f.waitMs,
    answered: f.answered,
    abandoned: f.abandoned,
    abandonedAfterTarget: f.abandonedAfterTarget,
    endedAt: iso(f.endedAt),
    endedBy: f.endedBy,
    closedByTimeout: f.closedByTimeout,
    mos: f.mos,
    minMos: f.minMos,
    maxJitterMs: f.maxJitterMs,
    maxPacketLossPct: f.maxPacketLossPct,
    rating: f.rating,
    sourceEventIds: f.sourceEventIds,
    legs: f.legs.map((l) => ({
      agentId: l.agentId,
      offeredAt: iso(l.offeredAt),
      answeredAt: iso(l.answeredAt),
      endedAt: iso(l.endedAt),
      ringMs: l.ringMs,
      rings: l.rings,
      ringLimitExceeded: l.ringLimitExceeded,
      missed: l.missed,
      talkMs: l.talkMs,
      holdMs: l.holdMs,
      holdCount: l.holdCount,
      longestHoldMs: l.longestHoldMs,
      longHold: l.longHold,
      wrapUpMs: l.wrapUpMs,
      transferred: l.transferred,
      transferTarget: l.transferTarget,
      endedBy: l.endedBy,
      mos: l.mos,
      rating: l.rating,
      sourceEventIds: l.sourceEventIds,
    })),
    ...(f.recording ? { recording: { ...f.recording } } : {}),
  };
}
