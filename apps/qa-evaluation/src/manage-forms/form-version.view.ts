import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AnswerType, CriticalEffect, FormItem, FormSection, FormStatus, FormVersion, PointBand } from '@app/contracts/qa/form';

export class PointBandView implements PointBand {
  @ApiProperty() min!: number;
  @ApiProperty() max!: number;
}

export class ItemBandsView {
  @ApiProperty({ type: () => PointBandView }) good!: PointBandView;
  @ApiProperty({ type: () => PointBandView }) poor!: PointBandView;
}

export class FormItemView implements FormItem {
  @ApiProperty() itemId!: string;
  @ApiProperty() labelZh!: string;
  @ApiProperty() labelEn!: string;
  @ApiProperty({ enum: ['yesno', 'scale', 'points'] }) type!: AnswerType;
  @ApiProperty({ description: 'Points for "yes" or the top of the scale / 满分' }) maxPoints!: number;
  @ApiPropertyOptional({ description: 'Lowest value of a scale (default 0) / 量表最低分' }) minPoints?: number;
  @ApiProperty() naAllowed!: boolean;
  @ApiPropertyOptional({ enum: ['fail-all', 'fail-section'] }) critical?: CriticalEffect;
  @ApiPropertyOptional({ type: () => ItemBandsView, description: 'An appraisal item\'s good / poor bands / 考评项的优 / 差区间' }) bands?: ItemBandsView;
}

export class FormSectionView implements FormSection {
  @ApiProperty() sectionId!: string;
  @ApiProperty() labelZh!: string;
  @ApiProperty() labelEn!: string;
  @ApiPropertyOptional() weight?: number;
  @ApiProperty({ type: [FormItemView] }) items!: FormItemView[];
}

/** A form version as served (libs/contracts qa/form.ts), so the console's form filler is checked against it. */
export class FormVersionView implements FormVersion {
  @ApiProperty() formId!: string;
  @ApiProperty() titleZh!: string;
  @ApiProperty() titleEn!: string;
  @ApiProperty({ enum: ['call', 'appraisal'] }) purpose!: 'call' | 'appraisal';
  @ApiProperty({ type: [FormSectionView] }) sections!: FormSectionView[];
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['draft', 'published'] }) status!: FormStatus;
  @ApiProperty({ type: String, nullable: true }) publishedAt!: string | null;
}
