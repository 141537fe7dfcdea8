import { ApiProperty } from '@nestjs/swagger';
import type { EvaluationStatus } from '../store/evaluation.store';
import { AnswerView, FormScoreView } from './form-score.view';

// Instants are Date on the server and ISO strings once serialised: typed Date so tsc ties the class to the store.
const INSTANT = { type: String, format: 'date-time' } as const;

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
export class EvaluationView {
  @ApiProperty() evaluationId!: string;
  @ApiProperty() callId!: string;
  @ApiProperty() agentId!: string;
  @ApiProperty() formId!: string;
  @ApiProperty() formVersion!: number;
  @ApiProperty() evaluatorId!: string;
  @ApiProperty({ type: [AnswerView] }) answers!: AnswerView[];
  @ApiProperty({ type: () => FormScoreView }) result!: FormScoreView;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ enum: ['submitted', 'released', 'acknowledged', 'voided'] }) status!: EvaluationStatus;
  @ApiProperty() version!: number;
  @ApiProperty(INSTANT) createdAt!: Date;
  @ApiProperty({ ...INSTANT, nullable: true }) releasedAt!: Date | null;
  @ApiProperty({ ...INSTANT, nullable: true }) acknowledgedAt!: Date | null;
  @ApiProperty({ type: [EvaluationRevisionView], description: 'Every version, oldest first / 各版本' }) history!: EvaluationRevisionView[];
  @ApiProperty({ type: () => EvaluatedCallView, nullable: true }) call!: EvaluatedCallView | null;
}
