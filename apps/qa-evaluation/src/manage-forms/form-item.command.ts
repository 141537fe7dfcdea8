import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, Matches, Max, Min, ValidateBy, ValidateNested } from 'class-validator';
import { ANSWER_TYPES, CRITICAL_EFFECTS, FORM_ID } from '../domain/forms/check-form-definition';
import type { AnswerType, CriticalEffect } from '../domain/forms/form';
import { hasAtMostTwoDecimals } from '../domain/forms/hundredths';
import { IsText } from '@app/platform';

/** Points are scored as integer hundredths: more decimals could not be kept exactly. */
export const IsHundredths = (): PropertyDecorator =>
  ValidateBy({
    name: 'isHundredths',
    validator: {
      validate: (v) => typeof v === 'number' && Number.isFinite(v) && hasAtMostTwoDecimals(v),
      defaultMessage: (a) => `${a?.property} takes at most two decimals / 最多两位小数`,
    },
  });

/** Far above any real form, low enough that a whole form's hundredths stay exact integers. */
export const MAX_POINTS = 100_000;

export const IsFormId = (): PropertyDecorator =>
  Matches(FORM_ID, { message: '$property takes lower-case letters, digits and dashes, 64 at most / 小写字母、数字和连字符, 最多 64 个' });

export class PointBandCommand {
  @ApiProperty({ example: 8 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '$property must be a number / 须为数字' })
  min!: number;

  @ApiProperty({ example: 15 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '$property must be a number / 须为数字' })
  max!: number;
}

/** The good / poor bands of an appraisal item (rules.md §6), shown beside the points. */
export class FormBandsCommand {
  @ApiProperty({ type: () => PointBandCommand })
  @ValidateNested()
  @Type(() => PointBandCommand)
  good!: PointBandCommand;

  @ApiProperty({ type: () => PointBandCommand })
  @ValidateNested()
  @Type(() => PointBandCommand)
  poor!: PointBandCommand;
}

/** One question of a form; the rules between its fields (a scale's ends, critical only on yes/no) are the domain's. */
export class FormItemCommand {
  @ApiProperty({ description: 'Unique within the form', example: 'complete-answer', pattern: FORM_ID.source })
  @IsFormId()
  itemId!: string;

  @ApiProperty({ example: '完整答复', maxLength: 2000 })
  @IsText()
  labelZh!: string;

  @ApiProperty({ example: 'Complete answer', maxLength: 2000 })
  @IsText()
  labelEn!: string;

  @ApiProperty({ enum: ANSWER_TYPES, example: 'yesno' })
  @IsIn(ANSWER_TYPES, { message: `type must be one of ${ANSWER_TYPES.join(', ')} / 类型无效` })
  type!: AnswerType;

  @ApiProperty({ description: 'Points for "yes" or the top of the scale; 0 for a pure gate; two decimals at most', example: 10, minimum: 0, maximum: MAX_POINTS })
  @IsHundredths()
  @Min(0, { message: 'maxPoints must not be negative / 不能为负数' })
  @Max(MAX_POINTS, { message: `maxPoints is at most ${MAX_POINTS} / 最多 ${MAX_POINTS}` })
  maxPoints!: number;

  @ApiPropertyOptional({ description: 'Lowest value of a scale, a whole number up to maxPoints (default 0)', example: 0, minimum: 0 })
  @IsOptional()
  @IsInt({ message: 'minPoints must be a whole number / 须为整数' })
  @Min(0, { message: 'minPoints must not be negative / 不能为负数' })
  minPoints?: number;

  @ApiPropertyOptional({ description: 'Whether "na" is an allowed answer (default false)', example: false })
  @IsOptional()
  @IsBoolean({ message: 'naAllowed must be true or false / 须为 true 或 false' })
  naAllowed?: boolean;

  @ApiPropertyOptional({ enum: CRITICAL_EFFECTS, description: 'Yes/no items only: "no" fails the whole evaluation or the section' })
  @IsOptional()
  @IsIn(CRITICAL_EFFECTS, { message: `critical must be one of ${CRITICAL_EFFECTS.join(', ')} / 只能为 fail-all 或 fail-section` })
  critical?: CriticalEffect;

  @ApiPropertyOptional({ type: () => FormBandsCommand })
  @IsOptional()
  @ValidateNested()
  @Type(() => FormBandsCommand)
  bands?: FormBandsCommand;
}
