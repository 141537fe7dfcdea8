import { ApiProperty } from '@nestjs/swagger';
import { OptionalText, RequiredText } from '../http/command-fields';
import { IsInstant, OneOf } from '@app/platform';

/** One clock event of a batch; whether it lies too far ahead is the policy's to say (clockEventOf). */
export class ClockEventCommand {
  @RequiredText(200, { description: 'The badge system’s id of the event (idempotency key)', example: 'k-a1-05-in' })
  eventId!: string;

  @RequiredText(64, { description: 'The agent who clocked', example: 'A1' })
  agentId!: string;

  @ApiProperty({ enum: ['in', 'out'], description: 'Clock in or out', example: 'in' })
  @OneOf(['in', 'out'])
  type!: 'in' | 'out';

  @ApiProperty({ type: String, format: 'date-time', description: 'When, ISO-8601 with offset', example: '2026-10-05T08:01:00+08:00' })
  @IsInstant()
  at!: string;

  @OptionalText(200, { description: 'Where the event came from (kept by the sender, not stored)', example: 'badge' })
  source?: string | null;

  @OptionalText(200, { description: 'The reader’s id (kept by the sender, not stored)', example: 'door-3' })
  deviceId?: string | null;
}
