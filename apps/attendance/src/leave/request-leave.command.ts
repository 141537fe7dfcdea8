import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate, OneOf } from '@app/platform';
import { RequiredText } from '../http/command-fields';

/** A leave request; the span between its dates and the policy's leave types are the use case's (RequestLeave). */
export class RequestLeaveCommand {
  @RequiredText(64, { description: 'Whose leave (an agent: themself)', example: 'A1' })
  agentId!: string;

  @RequiredText(64, { description: 'A leave type code of the policy', example: 'annual' })
  type!: string;

  @ApiProperty({ type: String, format: 'date', description: 'First day', example: '2026-10-12' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ type: String, format: 'date', description: 'Last day (on or after from, at most 366 days)', example: '2026-10-13' })
  @IsCalendarDate()
  to!: string;

  @ApiPropertyOptional({ enum: ['am', 'pm'], description: 'Half a day (from = to)', example: 'am' })
  @IsOptional()
  @OneOf(['am', 'pm'])
  halfDay?: 'am' | 'pm' | null;
}
