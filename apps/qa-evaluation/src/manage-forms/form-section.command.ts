import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsPositive, Max, ValidateNested } from 'class-validator';
import { FORM_ID } from '../domain/forms/check-form-definition';
import { FormItemCommand, IsFormId, IsHundredths } from './form-item.command';
import { IsText } from '@app/platform';

export const MAX_ITEMS = 200;
const MAX_WEIGHT = 10_000;

export class FormSectionCommand {
  @ApiProperty({ description: 'Unique within the form (items included)', example: 'opening', pattern: FORM_ID.source })
  @IsFormId()
  sectionId!: string;

  @ApiProperty({ example: '开场', maxLength: 2000 })
  @IsText()
  labelZh!: string;

  @ApiProperty({ example: 'Opening', maxLength: 2000 })
  @IsText()
  labelEn!: string;

  @ApiPropertyOptional({ description: 'With a weight the section contributes earned/max × weight, without one its raw points; two decimals at most', example: 20 })
  @IsOptional()
  @IsHundredths()
  @IsPositive({ message: 'weight must be positive / 须为正数' })
  @Max(MAX_WEIGHT, { message: `weight is at most ${MAX_WEIGHT} / 最多 ${MAX_WEIGHT}` })
  weight?: number;

  @ApiProperty({ type: () => [FormItemCommand], minItems: 1, maxItems: MAX_ITEMS })
  @IsArray({ message: 'items must be an array / 须为数组' })
  @ArrayMinSize(1, { message: 'at least one item / 至少一个项目' })
  @ArrayMaxSize(MAX_ITEMS, { message: `at most ${MAX_ITEMS} items / 最多 ${MAX_ITEMS} 个项目` })
  @ValidateNested({ each: true })
  @Type(() => FormItemCommand)
  items!: FormItemCommand[];
}
