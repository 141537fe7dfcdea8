import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsText } from '@app/platform';
import { AppraisalScoresCommand } from './appraisal-scores.command';

/** `POST /v1/appraisals/self`: the agent's own score of their month. */
export class SelfAppraisalCommand extends AppraisalScoresCommand {
  @ApiPropertyOptional({ description: 'If given, the agent\'s own id (an agent scores only themself: 403 QA.NOT_YOURS otherwise)', example: 'A1001', maxLength: 100 })
  @IsOptional()
  @IsText(100)
  agentId?: string;
}
