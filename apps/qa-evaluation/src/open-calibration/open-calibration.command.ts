import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsOptional } from 'class-validator';
import { IsBoundedInt, IsText } from '@app/platform';

/** `POST /v1/calibrations`: whether the form version exists and is published is the use case's question. */
export class OpenCalibrationCommand {
  @ApiProperty({ description: 'The call every evaluator scores', example: 'call-2026-10-07-0001', maxLength: 200 })
  @IsText(200)
  callId!: string;

  @ApiProperty({ description: 'A call form', example: 'call-qa', maxLength: 100 })
  @IsText(100)
  formId!: string;

  @ApiProperty({ description: 'A published version of the form', example: 1, minimum: 1 })
  @IsBoundedInt({ min: 1 })
  formVersion!: number;

  @ApiProperty({ description: 'At least two evaluators scoring blind (repeats count once)', type: [String], example: ['Q01', 'Q02'], minItems: 2 })
  @IsArray()
  @ArrayMinSize(2, { message: 'at least two evaluator ids / 至少两名质检员' })
  @IsText(100, { each: true })
  evaluatorIds!: string[];

  @ApiPropertyOptional({ description: 'The expert whose scoring is the benchmark', example: 'S01', maxLength: 100 })
  @IsOptional()
  @IsText(100)
  expertId?: string;
}
