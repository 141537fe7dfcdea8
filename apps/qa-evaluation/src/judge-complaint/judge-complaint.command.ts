import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { COMPLAINT_CATEGORIES } from '@app/contracts';
import { IsText } from '@app/platform';

/**
 * `POST /v1/complaints/{id}/judgement`. The category is checked by the use case, not here: an unknown
 * one keeps its own answer (422 QA.COMPLAINT_CATEGORY_UNKNOWN, listing the categories in both languages).
 */
export class JudgeComplaintCommand {
  @ApiProperty({ description: 'Whether the complaint is upheld; only valid ones count', example: true })
  @IsBoolean({ message: 'valid must be true or false / 须为 true 或 false' })
  valid!: boolean;

  @ApiPropertyOptional({ description: 'The agent responsible (required for a valid complaint unless registered with one)', example: 'A1001', maxLength: 100 })
  @IsOptional()
  @IsText(100)
  agentId?: string;

  @ApiProperty({
    enum: [...COMPLAINT_CATEGORIES],
    description: 'attitude 服务态度, knowledge 产品知识, process 工作流程, other 其他: knowledge and process complaints cost applying knowledge; anything else → 422 QA.COMPLAINT_CATEGORY_UNKNOWN',
    example: 'attitude',
  })
  @IsText(100)
  category!: string;

  @ApiProperty({ description: 'Why, as found', example: '录音核实', maxLength: 4000 })
  @IsText(4000)
  reason!: string;
}
