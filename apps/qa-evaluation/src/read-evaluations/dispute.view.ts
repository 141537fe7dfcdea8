import { ApiProperty } from '@nestjs/swagger';
import type { AnswerValue } from '../domain/forms/form';
import { DISPUTE_OUTCOMES, type DisputeOutcome } from '../domain/disputes/dispute-rules';
import { ANSWER_VALUE } from '../read-auto-evaluations/answer-value.schema';
import type { Dispute } from '../store/dispute.store';

const INSTANT = { type: String, format: 'date-time' } as const;

/** `GET /v1/evaluations/{id}/disputes`: an agent's dispute of one item and its decision / 异议及其裁决. */
export class DisputeView implements Dispute {
  @ApiProperty() disputeId!: string;
  @ApiProperty() evaluationId!: string;
  @ApiProperty() agentId!: string;
  @ApiProperty({ description: 'the disputed item of the form' }) itemId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: ['open', 'decided'] }) status!: 'open' | 'decided';
  @ApiProperty(INSTANT) filedAt!: Date;
  @ApiProperty({ description: 'yyyy-MM: the month whose dispute limit the filing counts against' }) filedPeriod!: string;
  @ApiProperty({ enum: DISPUTE_OUTCOMES, nullable: true }) outcome!: DisputeOutcome | null;
  @ApiProperty({ ...ANSWER_VALUE, nullable: true, description: 'the item’s answer after an accepted dispute' }) newValue!: AnswerValue | null;
  @ApiProperty({ type: String, nullable: true }) decisionReason!: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewerId!: string | null;
  @ApiProperty({ ...INSTANT, nullable: true }) decidedAt!: Date | null;
}
