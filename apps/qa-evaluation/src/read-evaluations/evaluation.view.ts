import { ApiProperty } from '@nestjs/swagger';
import { EvaluationHeaderView, INSTANT } from './evaluation-summary.view';
import { AnswerView, FormScoreView } from './form-score.view';

export class EvaluationRevisionView {
  @ApiProperty() version!: number;
  @ApiProperty({ type: () => FormScoreView }) result!: FormScoreView;
  @ApiProperty({ type: [AnswerView] }) answers!: AnswerView[];
  @ApiProperty() reason!: string;
  @ApiProperty() changedBy!: string;
  @ApiProperty(INSTANT) changedAt!: Date;
}

/** The call's telephony facts for the evaluated agent's leg (null fields: qa has no leg of that agent). */
export class EvaluatedCallView {
  @ApiProperty() callId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, nullable: true }) queue!: string | null;
  @ApiProperty({ enum: ['excellent', 'good', 'fair', 'poor'], nullable: true }) rating!: 'excellent' | 'good' | 'fair' | 'poor' | null;
  @ApiProperty({ type: Number, nullable: true }) ringMs!: number | null;
  @ApiProperty({ type: Number, nullable: true }) talkMs!: number | null;
  @ApiProperty({ type: Number, nullable: true }) holdMs!: number | null;
  @ApiProperty({ type: Number, nullable: true }) longestHoldMs!: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) missed!: boolean | null;
}

/** `GET /v1/evaluations/{id}`: one evaluation with its answers, item scores, history and the call's facts. */
export class EvaluationView extends EvaluationHeaderView {
  @ApiProperty({ type: [AnswerView] }) answers!: AnswerView[];
  @ApiProperty({ type: () => FormScoreView }) result!: FormScoreView;
  @ApiProperty({ type: [EvaluationRevisionView], description: 'Every version, oldest first / 各版本' }) history!: EvaluationRevisionView[];
  @ApiProperty({ type: () => EvaluatedCallView, nullable: true }) call!: EvaluatedCallView | null;
}
