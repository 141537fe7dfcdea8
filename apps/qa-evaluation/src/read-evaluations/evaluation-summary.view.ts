import { ApiProperty } from '@nestjs/swagger';
import type { EvaluationStatus } from '../store/evaluation.store';
import type { EvaluationSummary } from './read-evaluations';

const INSTANT = { type: String, format: 'date-time' } as const;

/** `GET /v1/evaluations`: an evaluation with its score, without the answers / 质检记录 (不含答案). */
export class EvaluationSummaryView implements EvaluationSummary {
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
  @ApiProperty() score!: number;
  @ApiProperty() maxScore!: number;
  @ApiProperty({ description: 'score / maxScore × 100' }) percent!: number;
  @ApiProperty({ description: 'a critical item failed / 致命项不合格' }) criticalFail!: boolean;
}
