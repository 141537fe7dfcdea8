import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';
import { IsPeriod, IsText } from '@app/platform';

/**
 * `POST /v1/appraisals/self`: the agent's own score. The scores are checked against the latest
 * published appraisal form by the use case (item ids and ranges live there, not here).
 */
export class SelfAppraisalCommand {
  @ApiProperty({ description: 'The month appraised, yyyy-mm', example: '2026-10', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' })
  @IsPeriod()
  period!: string;

  @ApiProperty({
    description: 'Item id → points on the appraisal form', type: 'object', additionalProperties: { type: 'number' },
    example: { initiative: 12, responsibility: 8, 'service-awareness': 9, 'communication-results': 14, learning: 7, 'team-spirit': 10 },
  })
  @IsObject({ message: 'scores must be an object of item id → points / 须为 项目→分数 的对象' })
  scores!: Record<string, unknown>;

  @ApiPropertyOptional({ example: '本月主动承担培训', maxLength: 4000 })
  @IsOptional()
  @IsText(4000)
  comment?: string;

  @ApiPropertyOptional({ description: 'If given, the agent\'s own id (an agent scores only themself: 403 QA.NOT_YOURS otherwise)', example: 'A1001', maxLength: 100 })
  @IsOptional()
  @IsText(100)
  agentId?: string;
}
