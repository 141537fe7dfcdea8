import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '@app/platform';
import { RequiredText } from '../http/command-fields';

/** One roster day of a batch; whether `shift` names a shift type is the store's to say (UpsertRosters). */
export class RosterDayCommand {
  @RequiredText(64, { description: 'The agent rostered', example: 'A1' })
  agentId!: string;

  @ApiProperty({ type: String, format: 'date', description: 'Local date yyyy-mm-dd', example: '2026-10-05' })
  @IsCalendarDate()
  date!: string;

  @RequiredText(32, { description: 'A shift type code, or `off` to clear the day', example: 'morning' })
  shift!: string;
}
