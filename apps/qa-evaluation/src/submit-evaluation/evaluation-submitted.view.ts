import { ApiProperty } from '@nestjs/swagger';
import type { SubmitEvaluationResult } from './submit-evaluation';

/** `POST /v1/evaluations` (201): the score the server computed for the new evaluation. */
export class EvaluationSubmittedView implements SubmitEvaluationResult {
  @ApiProperty() evaluationId!: string;
  @ApiProperty() score!: number;
  @ApiProperty() maxScore!: number;
  @ApiProperty({ description: '0–100, two decimals' }) percent!: number;
  @ApiProperty() criticalFail!: boolean;
  @ApiProperty({ enum: ['submitted'] }) status!: 'submitted';
  @ApiProperty() version!: number;
}
