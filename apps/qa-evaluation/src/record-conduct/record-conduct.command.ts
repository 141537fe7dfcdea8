import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsInt, IsNumber, IsOptional } from 'class-validator';
import { IsCalendarDate, IsInstant, IsText } from '@app/platform';

/**
 * `POST /v1/conduct-records`. The figures' ranges and whether a code needs its day or call come from
 * the catalogue and the policy, so the use case judges them (with qa's own codes).
 */
export class RecordConductCommand {
  @ApiProperty({ example: 'A1001', maxLength: 100 })
  @IsText(100)
  agentId!: string;

  @ApiProperty({ description: 'A catalogue code (GET /v1/conduct-catalogue)', example: 'PHONE_CHAT', maxLength: 100 })
  @IsText(100)
  code!: string;

  @ApiProperty({ format: 'date-time', example: '2026-10-07T10:00:00+08:00' })
  @IsInstant()
  occurredAt!: string;

  @ApiPropertyOptional({ description: 'The call the record is about; required for the codes the policy lists (LONG_HOLD_UNREASONED by default)', example: 'call-0001', maxLength: 200 })
  @IsOptional()
  @IsText(200)
  callId?: string;

  @ApiPropertyOptional({
    format: 'date', example: '2026-10-14',
    description: 'The local day (yyyy-mm-dd) the record is about; required for the codes the policy lists (UNEXCUSED_LATE_EARLY_ABSENT by default)',
  })
  @IsOptional()
  @IsCalendarDate()
  date?: string;

  @ApiPropertyOptional({ description: 'Yuan, two decimals, within the code\'s range (LOSS: the loss amount)', example: 123.45 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'amount must be a number / 须为数字' })
  amount?: number;

  @ApiPropertyOptional({ description: 'Within the code\'s range', example: 4 })
  @IsOptional()
  @IsInt({ message: 'points must be a whole number / 须为整数' })
  points?: number;

  @ApiProperty({ example: '离岗', maxLength: 4000 })
  @IsText(4000)
  note!: string;

  @ApiPropertyOptional({ description: 'Any JSON the issuer attaches, usually an object (recording ids, screenshots); kept as given', example: { recording: 'rec-1' } })
  // Free-form by design: kept as given, within the platform's body and depth limits.
  @Allow()
  evidence?: unknown;
}
