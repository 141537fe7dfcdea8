import { ApiProperty } from '@nestjs/swagger';
import type { EvaluationStatus } from '../store/evaluation.store';
import type { EvaluationSummary } from './read-evaluations';

// Instants are Date on the server and ISO strings once serialised: typed Date so tsc ties the class to the store.
export const INSTANT = { type: String, format: 'date-time' } as const;

/** What every answer about an evaluation names: whose call, on which form, by whom, where it stands. */
export class EvaluationHeaderView {
  @ApiProperty() evaluationId!: string;
  @ApiProperty() callId!: string;
  @ApiProperty() agentId!: string;
  @ApiProperty() formId!: string;
  @ApiProperty() formVersion!: number;
  @ApiProperty() evaluatorId!: string;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ enum: ['submitted', 'released', 'acknowledged', 'voided'] }) status!: EvaluationStatus;
  @ApiProperty() version!: number;
  @ApiProperty(INSTANT) createdAt!: Date;
  @ApiProperty({ ...INSTANT, nullable: true }) releasedAt!: Date | null;
  @ApiProperty({ ...INSTANT, nullable: true }) acknowledgedAt!: Date | null;
}

/** `GET /v1/evaluations`: an evaluation with its score, without the answers / 质检记录 (不含答案). */
export class EvaluationSummaryView extends EvaluationHeaderView implements EvaluationSummary {
  @ApiProperty() score!: number;
  @ApiProperty() maxScore!: number;
  @ApiProperty({ description: 'score / maxScore × 100' }) percent!: number;
  @ApiProperty({ description: 'a critical item failed / 致命项不合格' }) criticalFail!: boolean;
}
