import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';
import { IsPeriod, IsText } from '@app/platform';

/**
 * What a counted appraisal and a self-appraisal both carry. The scores are checked against the latest
 * published appraisal form by the use case (item ids and ranges live there, not here).
 */
export class AppraisalScoresCommand {
  @ApiProperty({ description: 'The month appraised, yyyy-mm', example: '2026-10', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' })
  @IsPeriod()
  period!: string;

  @ApiProperty({
    description: 'Item id → points on the appraisal form', type: 'object', additionalProperties: { type: 'number' },
    example: { initiative: 12, responsibility: 8, 'service-awareness': 9, 'communication-results': 14, learning: 7, 'team-spirit': 10 },
  })
  @IsObject({ message: 'scores must be an object of item id → points / 须为 项目→分数 的对象' })
  scores!: Record<string, unknown>;

  @ApiPropertyOptional({ example: '本月表现稳定', maxLength: 4000 })
  @IsOptional()
  @IsText(4000)
  comment?: string;
}
