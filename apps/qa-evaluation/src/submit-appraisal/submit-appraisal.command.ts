import { ApiProperty } from '@nestjs/swagger';
import { IsText } from '@app/platform';
import { AppraisalScoresCommand } from './appraisal-scores.command';

/**
 * `POST /v1/appraisals`: the counted appraisal. Whether the appraiser may appraise this person (the
 * directory's role, team scope) and the scores against the form are the use case's.
 */
export class SubmitAppraisalCommand extends AppraisalScoresCommand {
  @ApiProperty({ description: 'The person appraised', example: 'A1001', maxLength: 100 })
  @IsText(100)
  agentId!: string;
}
