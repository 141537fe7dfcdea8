import { ApiProperty } from '@nestjs/swagger';
import { OptionalText } from '../http/command-fields';
import { IsTrueOrFalse } from '@app/platform';

/** A supervisor's decision on a consented swap. */
export class DecideSwapCommand {
  @ApiProperty({ type: Boolean, description: 'true approves (every rule checked again), false rejects', example: true })
  @IsTrueOrFalse()
  approve!: boolean;

  @OptionalText(2000, { description: 'Why (not stored)', example: '人手充足 / enough cover' })
  reason?: string | null;
}
