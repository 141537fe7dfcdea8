import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import { IsText } from '@app/platform';

/**
 * `PUT /v1/policy`. `qa` is a policy's qa section as scoring publishes it: what it leaves out keeps
 * its default and mistyped values are ignored, the same as from `scoring.policy.activated`.
 */
export class ApplyPolicyCommand {
  @ApiProperty({ description: 'The version the values come from', example: 'p-2', maxLength: 200 })
  @IsText(200)
  policyVersion!: string;

  @ApiProperty({
    type: 'object', additionalProperties: true,
    description: 'sampling, disputes, appeals, appraisal deadlines, time zone, conduct, catalogue (code → amounts/points)…',
    example: { disputes: { windowDays: 7, maxPerMonth: 3 } },
  })
  @IsObject({ message: 'qa must be an object / 须为对象' })
  qa!: Record<string, unknown>;
}
