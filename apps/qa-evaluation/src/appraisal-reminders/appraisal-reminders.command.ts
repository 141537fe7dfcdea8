import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsInstant } from '@app/platform';

/** `POST /v1/appraisals/reminders/run`: an empty body runs the reminders due now. */
export class RunAppraisalRemindersCommand {
  @ApiPropertyOptional({ format: 'date-time', description: 'The moment to run as of (default: now)', example: '2026-11-05T09:00:00+08:00' })
  @IsOptional()
  @IsInstant()
  at?: string;
}
