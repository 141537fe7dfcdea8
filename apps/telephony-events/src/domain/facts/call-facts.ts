import { AbandonReason, Direction, EndParty, Rating } from '../events/call-event';

/** The call's recording as published (`data.recording` of its latest event carrying one). */
export interface RecordingFacts {
  uri: string;
  durationMs: number | null;
  channels: number | null;
  format: string | null;
}

/**
 * One agent's part in a call: one leg PER OFFER. An agent offered twice gets two legs, because
 * each ring-no-answer is its own occurrence under the rules (响铃三声未接起 is fined per occurrence).
 * All instants are epoch milliseconds. While a leg is still open (endedAt null) its durations are
 * measured up to the call's last event, so they only grow as later events arrive.
 */
export interface CallLegFacts {
  agentId: string;
  offeredAt: number | null;
  answeredAt: number | null;
  /** When the agent's part finished: missed, cancelled, transferred away or call ended. */
  endedAt: number | null;
  ringMs: number | null;
  /** Ring bursts begun: ceil(ringMs / ringCycleMs). */
  rings: number | null;
  ringLimitExceeded: boolean;
  missed: boolean;
  /** Connected time minus hold; null when the agent never answered. */
  talkMs: number | null;
  holdMs: number;
  holdCount: number;
  longestHoldMs: number;
  longHold: boolean;
  wrapUpMs: number | null;
  transferred: boolean;
  transferTarget: string | null;
  endedBy: EndParty | null;
  mos: number | null;
  rating: Rating | null;
  sourceEventIds: string[];
}

export interface AbandonmentFacts {
  reason: AbandonReason;
  waitMs: number | null;
}

/** The published fact `telephony.call.summarized`, one per call. */
export interface CallFacts {
  callId: string;
  queue: string | null;
  direction: Direction | null;
  callerId: string | null;
  queuedAt: number | null;
  waitMs: number | null;
  answered: boolean;
  abandoned: AbandonmentFacts | null;
  abandonedAfterTarget: boolean;
  endedAt: number | null;
  endedBy: EndParty | null;
  closedByTimeout: boolean;
  firstEventAt: number;
  lastEventAt: number;
  mos: number | null;
  minMos: number | null;
  maxJitterMs: number | null;
  maxPacketLossPct: number | null;
  rating: Rating | null;
  legs: CallLegFacts[];
  sourceEventIds: string[];
  /** Absent (not null) when no event reported one, so the facts of calls without a recording hash as before. */
  recording?: RecordingFacts;
}
