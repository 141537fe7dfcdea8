/** Canonical call events (contracts.md "telephony-events"). Names are fixed: extend, never rename. */
export const CALL_EVENT_TYPES = [
  'call.queued',
  'call.offered',
  'call.missed',
  'call.answered',
  'call.hold',
  'call.resumed',
  'call.transferred',
  'call.ended',
  'call.abandoned',
  'call.wrapup.ended',
  'call.quality',
  'call.rated',
] as const;
export type CallEventType = (typeof CALL_EVENT_TYPES)[number];

/** Types whose `agentId` the contract marks required. */
export const AGENT_REQUIRED_TYPES: ReadonlySet<CallEventType> = new Set<CallEventType>([
  'call.offered',
  'call.missed',
  'call.answered',
  'call.hold',
  'call.resumed',
  'call.transferred',
  'call.wrapup.ended',
]);

export const END_PARTIES = ['caller', 'agent', 'system'] as const;
export type EndParty = (typeof END_PARTIES)[number];

/** 'key' (Asterisk EXITWITHKEY) and 'withdraw' (WITHDRAW) extend the contract's three reasons. */
export const ABANDON_REASONS = ['hangup', 'timeout', 'empty', 'key', 'withdraw'] as const;
export type AbandonReason = (typeof ABANDON_REASONS)[number];

/** 优 / 良 / 中 / 差 */
export const RATINGS = ['excellent', 'good', 'fair', 'poor'] as const;
export type Rating = (typeof RATINGS)[number];

export const DIRECTIONS = ['inbound', 'outbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface CallEventDataMap {
  'call.queued': { callerId?: string };
  'call.offered': Record<string, never>;
  'call.missed': { ringMs?: number };
  /** waitMs extends the contract: a source (Asterisk CONNECT) may report the queue wait itself. */
  'call.answered': { ringMs?: number; waitMs?: number };
  'call.hold': Record<string, never>;
  'call.resumed': Record<string, never>;
  'call.transferred': { target: string };
  'call.ended': EndedData;
  'call.abandoned': { reason: AbandonReason; waitMs?: number };
  'call.wrapup.ended': Record<string, never>;
  'call.quality': { mos: number; jitterMs: number; packetLossPct: number };
  'call.rated': { rating: Rating };
}

/**
 * Optional totals extend the contract for sources (Amazon Connect) that report aggregates
 * instead of individual hold events.
 */
export interface EndedData {
  endedBy: EndParty;
  holdMs?: number;
  holdCount?: number;
  longestHoldMs?: number;
  talkMs?: number;
}
export const REPORTED_TOTAL_FIELDS = ['holdMs', 'holdCount', 'longestHoldMs', 'talkMs'] as const;

/**
 * Where the call's recording is (contracts.md third round): any event may carry it in `data.recording`,
 * usually the end. The latest event that carries one gives the call's recording.
 */
export interface RecordingData {
  uri: string;
  durationMs?: number;
  channels?: number;
  format?: string;
}

/** The wire form, exactly as a source sends it. */
export type CallEvent = {
  [T in CallEventType]: {
    eventId: string;
    callId: string;
    type: T;
    /** ISO-8601 with an explicit offset or Z. */
    occurredAt: string;
    agentId?: string;
    queue?: string;
    direction?: Direction;
    data: CallEventDataMap[T] & { recording?: RecordingData };
  };
}[CallEventType];

/** A validated event with its instant resolved to epoch milliseconds. */
export type ParsedCallEvent = CallEvent & { at: number };

export type { AgentStateEvent, AgentStateKind } from './agent-state-event';
