import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import type { AnswerValue } from '../domain/forms/form';
import { IsText } from '@app/platform';

const isAnswerValue = (v: unknown): v is AnswerValue => typeof v === 'boolean' || v === 'na' || (typeof v === 'number' && Number.isFinite(v));

/**
 * One answer of a scoring (an evaluation or a calibration). Only its shape is checked here: whether the
 * item exists, is answered once and takes this value depends on the form version (checkAnswers).
 */
export class AnswerCommand {
  @ApiProperty({ description: 'An item of the form version', example: 'greeting', maxLength: 100 })
  @IsText(100)
  itemId!: string;

  @ApiProperty({ description: 'true/false for a yes-no item, points for the others, "na" where the item allows it', oneOf: [{ type: 'boolean' }, { type: 'number' }, { type: 'string', enum: ['na'] }], example: 5 })
  @ValidateBy({ name: 'isAnswerValue', validator: { validate: isAnswerValue, defaultMessage: () => 'value must be true, false, a number or "na" / 须为是/否、分数或 "na"' } })
  value!: AnswerValue;
}
