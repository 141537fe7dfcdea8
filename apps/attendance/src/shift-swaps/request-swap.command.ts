import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '@app/platform';
import { RequiredText } from '../http/command-fields';

/** A swap request; the rules of rules.md §2 between its dates and people are the domain's (checkSwap). */
export class RequestSwapCommand {
  @RequiredText(64, { description: 'Who hands their shift over (an agent: themself)', example: 'A1' })
  requesterId!: string;

  @RequiredText(64, { description: 'Who works it', example: 'A2' })
  counterpartId!: string;

  @ApiProperty({ type: String, format: 'date', description: 'The requester’s rostered day the counterpart works', example: '2026-10-05' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ type: String, format: 'date', description: 'The counterpart’s rostered day the requester works in return', example: '2026-10-12' })
  @IsCalendarDate()
  paybackDate!: string;
}
