import { ApiProperty } from '@nestjs/swagger';
import type { RosterDayView } from './roster-queries';

/** One agent's rostered shift on one day. */
export class RosterDayItemView implements RosterDayView {
  @ApiProperty() agentId!: string;
  @ApiProperty({ format: 'date', description: 'yyyy-MM-dd' }) date!: string;
  @ApiProperty({ description: 'a shift type code of the policy' }) shift!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the swap that put this shift here, if any' }) swapId!: string | null;
  @ApiProperty({ description: 'the day has been closed (a later change re-closes it, as a correction)' }) closed!: boolean;
}
