/**
 * `telephony.call.summarized` (contracts.md): one per call, re-published with a higher `version`
 * whenever a late event changes it. Consumers keep the highest version. Instants are ISO-8601 UTC.
 */
export interface CallSummarizedEvent {
  eventId: string;
  schemaVersion: 1;
  callId: string;
  version: number;
  policyVersion: string;
  queue: string | null;
  direction: 'inbound' | 'outbound' | null;
  callerId: string | null;
  queuedAt: string | null;
  waitMs: number | null;
  answered: boolean;
  abandoned: { reason: string; waitMs: number | null } | null;
  abandonedAfterTarget: boolean;
  endedAt: string | null;
  endedBy: 'caller' | 'agent' | 'system' | null;
  /** Closed because no end arrived within the policy's timeout (lost hang-up), not by an event. */
  closedByTimeout: boolean;
  mos: number | null;
  minMos: number | null;
  maxJitterMs: number | null;
  maxPacketLossPct: number | null;
  rating: 'excellent' | 'good' | 'fair' | 'poor' | null;
  legs: CallLegSummary[];
  sourceEventIds: string[];
  /** The call's recording, when an event reported one (`data.recording`); absent otherwise. */
  recording?: CallRecording;
}

/**
 * Where a call's recording is (contracts.md third round: `data.recording` of a call event), for speech QA.
 * `uri` as the source names it (`s3://…`, `file:///var/spool/asterisk/monitor/…`, `https://…`).
 */
export interface CallRecording {
  uri: string;
  durationMs: number | null;
  channels: number | null;
  /** File format, e.g. `wav`, `mp3`, `gsm`. */
  format: string | null;
}

export interface CallLegSummary {
  agentId: string;
  offeredAt: string | null;
  answeredAt: string | null;
  endedAt: string | null;
  ringMs: number | null;
  rings: number | null;
  ringLimitExceeded: boolean;
  missed: boolean;
  talkMs: number | null;
  holdMs: number;
  holdCount: number;
  longestHoldMs: number;
  longHold: boolean;
  wrapUpMs: number | null;
  transferred: boolean;
  transferTarget: string | null;
  endedBy: 'caller' | 'agent' | 'system' | null;
  mos: number | null;
  rating: 'excellent' | 'good' | 'fair' | 'poor' | null;
  sourceEventIds: string[];
}
