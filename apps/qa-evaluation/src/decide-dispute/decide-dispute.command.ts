import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, ValidateBy } from 'class-validator';
import { DISPUTE_OUTCOMES, type DisputeOutcome } from '../domain/disputes/dispute-rules';
import type { AnswerValue } from '../domain/forms/form';
import { IsText } from '@app/platform';

const isAnswerValue = (v: unknown): boolean => typeof v === 'boolean' || v === 'na' || (typeof v === 'number' && Number.isFinite(v));

/**
 * `POST /v1/disputes/{id}/decision`. Whether `value` fits the item (its type, range, N/A) and that a
 * partly accepted dispute gives one depend on the form, so the use case judges them.
 */
export class DecideDisputeCommand {
  @ApiProperty({ enum: DISPUTE_OUTCOMES, description: 'accepted: the item gets `value` or full marks; partly-accepted: `value`; rejected: no change', example: 'partly-accepted' })
  @IsIn(DISPUTE_OUTCOMES, { message: `outcome must be one of ${DISPUTE_OUTCOMES.join(', ')} / 结果无效` })
  outcome!: DisputeOutcome;

  @ApiPropertyOptional({
    oneOf: [{ type: 'number' }, { type: 'boolean' }, { type: 'string', enum: ['na'] }],
    description: 'The item\'s new value: points, true/false for a yes/no item, or "na"; required when partly accepted',
    example: 3,
  })
  @IsOptional()
  @ValidateBy({ name: 'isAnswerValue', validator: { validate: isAnswerValue, defaultMessage: () => 'value must be a number, true/false or "na" / 须为数字、true/false 或 "na"' } })
  value?: AnswerValue;

  @ApiProperty({ description: 'Why, kept in the evaluation\'s history', example: '部分认可', maxLength: 4000 })
  @IsText(4000)
  reason!: string;
}
