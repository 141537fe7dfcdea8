import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CallLegSummary, CallRecording, CallSummarizedEvent } from '@app/contracts';
import { ABANDON_REASONS, CALL_EVENT_TYPES, DIRECTIONS, END_PARTIES, RATINGS, type CallEventType, type Direction } from '../domain/events/call-event';

const instant = (description?: string) => ({ type: String, format: 'date-time', nullable: true, description });

export class CallRecordingView implements CallRecording {
  @ApiProperty({ description: 'As the source names it (s3://…, file:///…, https://…)' }) uri!: string;
  @ApiProperty({ type: Number, nullable: true }) durationMs!: number | null;
  @ApiProperty({ type: Number, nullable: true }) channels!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'e.g. wav, mp3, gsm' }) format!: string | null;
}

export class CallAbandonedView {
  // The contract types it as a string; the facts only ever hold one of these reasons.
  @ApiProperty({ enum: ABANDON_REASONS }) reason!: string;
  @ApiProperty({ type: Number, nullable: true }) waitMs!: number | null;
}

export class CallLegView implements CallLegSummary {
  @ApiProperty() agentId!: string;
  @ApiProperty(instant()) offeredAt!: string | null;
  @ApiProperty(instant()) answeredAt!: string | null;
  @ApiProperty(instant()) endedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) ringMs!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'ring bursts begun' }) rings!: number | null;
  @ApiProperty() ringLimitExceeded!: boolean;
  @ApiProperty() missed!: boolean;
  @ApiProperty({ type: Number, nullable: true }) talkMs!: number | null;
  @ApiProperty() holdMs!: number;
  @ApiProperty() holdCount!: number;
  @ApiProperty() longestHoldMs!: number;
  @ApiProperty() longHold!: boolean;
  @ApiProperty({ type: Number, nullable: true }) wrapUpMs!: number | null;
  @ApiProperty() transferred!: boolean;
  @ApiProperty({ type: String, nullable: true }) transferTarget!: string | null;
  @ApiProperty({ enum: END_PARTIES, nullable: true }) endedBy!: CallLegSummary['endedBy'];
  @ApiProperty({ type: Number, nullable: true }) mos!: number | null;
  @ApiProperty({ enum: RATINGS, nullable: true }) rating!: CallLegSummary['rating'];
  @ApiProperty({ type: [String] }) sourceEventIds!: string[];
}

/** A call's facts as published on telephony.call.summarized. */
export class CallFactsView implements CallSummarizedEvent {
  @ApiProperty() eventId!: string;
  @ApiProperty({ enum: [1] }) schemaVersion!: 1;
  @ApiProperty() callId!: string;
  @ApiProperty() version!: number;
  @ApiProperty() policyVersion!: string;
  @ApiProperty({ type: String, nullable: true }) queue!: string | null;
  @ApiProperty({ enum: DIRECTIONS, nullable: true }) direction!: Direction | null;
  @ApiProperty({ type: String, nullable: true }) callerId!: string | null;
  @ApiProperty(instant()) queuedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) waitMs!: number | null;
  @ApiProperty() answered!: boolean;
  @ApiProperty({ type: () => CallAbandonedView, nullable: true }) abandoned!: CallAbandonedView | null;
  @ApiProperty() abandonedAfterTarget!: boolean;
  @ApiProperty(instant()) endedAt!: string | null;
  @ApiProperty({ enum: END_PARTIES, nullable: true }) endedBy!: CallSummarizedEvent['endedBy'];
  @ApiProperty({ description: 'closed by the policy timeout (lost hang-up), not by an event' }) closedByTimeout!: boolean;
  @ApiProperty({ type: Number, nullable: true }) mos!: number | null;
  @ApiProperty({ type: Number, nullable: true }) minMos!: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxJitterMs!: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxPacketLossPct!: number | null;
  @ApiProperty({ enum: RATINGS, nullable: true }) rating!: CallSummarizedEvent['rating'];
  @ApiProperty({ type: [CallLegView], description: 'an agent sees only their own legs' }) legs!: CallLegView[];
  @ApiProperty({ type: [String] }) sourceEventIds!: string[];
  @ApiPropertyOptional({ type: () => CallRecordingView, description: 'when an event reported one; absent otherwise' }) recording?: CallRecordingView;
}

/** A stored canonical event as the source sent it, with its resolved instant. */
export class CallEventView {
  @ApiProperty() eventId!: string;
  @ApiProperty() callId!: string;
  @ApiProperty({ enum: CALL_EVENT_TYPES }) type!: CallEventType;
  @ApiProperty({ description: 'ISO-8601 with an offset, as sent' }) occurredAt!: string;
  @ApiPropertyOptional() agentId?: string;
  @ApiPropertyOptional() queue?: string;
  @ApiPropertyOptional({ enum: DIRECTIONS }) direction?: Direction;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "the type's fields, and `recording` when the source reported one" }) data!: object;
  @ApiProperty({ description: 'epoch ms' }) at!: number;
}

/** One call: its current facts and the events behind them (an agent: the queue part and their own legs). */
export class CallDetailView {
  @ApiProperty({ type: () => CallFactsView }) facts!: CallFactsView;
  @ApiProperty({ type: [CallEventView] }) events!: CallEventView[];
}
