import { ApiProperty } from '@nestjs/swagger';
import { OptionalText } from '../http/command-fields';
import { IsTrueOrFalse } from '@app/platform';

/** A supervisor's or HR's decision on requested leave. */
export class DecideLeaveCommand {
  @ApiProperty({ type: Boolean, description: 'true approves (the leave rules checked again), false rejects', example: true })
  @IsTrueOrFalse()
  approve!: boolean;

  @OptionalText(2000, { description: 'Why, kept with the decision', example: '人手不足 / short-staffed' })
  reason?: string | null;
}
