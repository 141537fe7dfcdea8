import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsOptional } from 'class-validator';
import { IsBoundedInt, IsPeriod, IsText } from '@app/platform';

/** `POST /v1/sampling/runs`: an empty evaluator list is the use case's refusal (QA.NO_EVALUATORS). */
export class RunSamplingCommand {
  @ApiProperty({ description: 'The month sampled, yyyy-mm', example: '2026-10', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' })
  @IsPeriod()
  period!: string;

  @ApiPropertyOptional({ description: 'Default: the qa staff attendance sent', type: [String], example: ['Q01', 'Q02'] })
  @IsOptional()
  @IsArray()
  @IsText(100, { each: true })
  evaluatorIds?: string[];

  @ApiPropertyOptional({ description: 'Calls per agent; default: the policy\'s', example: 4, minimum: 1 })
  @IsOptional()
  @IsBoundedInt({ min: 1 })
  perAgent?: number;

  @ApiPropertyOptional({ description: 'Flagged calls first; default: the policy\'s', example: true })
  @IsOptional()
  @IsBoolean({ message: 'targeting must be true or false / 须为 true 或 false' })
  targeting?: boolean;
}
