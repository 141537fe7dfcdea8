import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AnswerValue } from '@app/contracts/qa/form';
import type { AutoEvaluationView as AutoEvaluation, AutoItem, Evidence, Hit, OutcomeSummary } from '@app/contracts/qa/speech';
import { ANSWER_VALUE } from './answer-value.schema';

export class HitView implements Hit {
  @ApiProperty() check!: string;
  @ApiProperty({ description: 'forbidden-phrase, complaint-risk, script, …' }) kind!: string;
  @ApiProperty({ description: 'Segment index in time order / 段序号' }) segment!: number;
  @ApiProperty() startMs!: number;
  @ApiProperty() endMs!: number;
  @ApiProperty({ type: [String] }) matched!: string[];
  @ApiPropertyOptional() phrase?: string;
  @ApiPropertyOptional() value?: number;
}

export class EvidenceView implements Evidence {
  @ApiProperty() segment!: number;
  @ApiProperty() startMs!: number;
  @ApiProperty() endMs!: number;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [String] }) matched!: string[];
}

export class AutoItemView implements AutoItem {
  @ApiProperty() itemId!: string;
  @ApiProperty(ANSWER_VALUE) answer!: AnswerValue;
  @ApiProperty({ enum: [true] }) auto!: true;
  @ApiProperty({ type: [String] }) checks!: string[];
  @ApiProperty({ type: [EvidenceView] }) evidence!: EvidenceView[];
}

export class OutcomeSummaryView implements OutcomeSummary {
  @ApiProperty() check!: string;
  @ApiProperty() signal!: string;
  @ApiProperty({ type: String, nullable: true }) itemId!: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null: the transcript cannot tell / 无法判断' }) passed!: boolean | null;
  @ApiProperty() hitCount!: number;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'number' } }) measured?: Record<string, number>;
}

/** `GET /v1/auto-evaluations/{callId}` (libs/contracts qa/speech.ts). */
export class AutoEvaluationView implements AutoEvaluation {
  @ApiProperty() callId!: string;
  @ApiProperty() agentId!: string;
  @ApiProperty() formId!: string;
  @ApiProperty() formVersion!: number;
  @ApiProperty({ type: [AutoItemView] }) items!: AutoItemView[];
  @ApiProperty({ type: [HitView], description: 'Capped per check; hitCounts counts them all / 每项检查有上限' }) hits!: HitView[];
  @ApiProperty() version!: number;
  @ApiProperty() policyVersion!: string;
  @ApiProperty() transcriptVersion!: number;
  @ApiProperty({ format: 'date-time' }) checkedAt!: string;
  @ApiProperty() flagged!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) hitCounts!: Record<string, number>;
  @ApiProperty({ type: [OutcomeSummaryView] }) outcomes!: OutcomeSummaryView[];
}
