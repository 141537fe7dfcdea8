import { ApiProperty } from '@nestjs/swagger';
import type { Answer, AnswerValue, FormScore, ItemResult, SectionResult } from '@app/contracts/qa/score-form';
import { ANSWER_VALUE } from '../read-auto-evaluations/answer-value.schema';

export class AnswerView implements Answer {
  @ApiProperty() itemId!: string;
  @ApiProperty(ANSWER_VALUE) value!: AnswerValue;
}

export class ItemResultView implements ItemResult {
  @ApiProperty() itemId!: string;
  @ApiProperty() sectionId!: string;
  @ApiProperty(ANSWER_VALUE) value!: AnswerValue;
  @ApiProperty({ type: Number, nullable: true, description: 'null when N/A / 不适用时为 null' }) points!: number | null;
  @ApiProperty() maxPoints!: number;
  @ApiProperty() criticalFailed!: boolean;
  @ApiProperty({ enum: ['good', 'poor'], nullable: true }) band!: 'good' | 'poor' | null;
}

export class SectionResultView implements SectionResult {
  @ApiProperty() sectionId!: string;
  @ApiProperty() earned!: number;
  @ApiProperty() available!: number;
  @ApiProperty({ type: Number, nullable: true }) weight!: number | null;
  @ApiProperty() score!: number;
  @ApiProperty() maxScore!: number;
  @ApiProperty() failed!: boolean;
}

/** A form's score as the shared scoring computes it (libs/contracts qa/score-form.ts). */
export class FormScoreView implements FormScore {
  @ApiProperty() score!: number;
  @ApiProperty() maxScore!: number;
  @ApiProperty({ description: '0–100, two decimals' }) percent!: number;
  @ApiProperty() criticalFail!: boolean;
  @ApiProperty({ type: [String] }) failedSections!: string[];
  @ApiProperty() anyItemZero!: boolean;
  @ApiProperty({ type: [SectionResultView] }) sections!: SectionResultView[];
  @ApiProperty({ type: [ItemResultView] }) items!: ItemResultView[];
}
