import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsInstant } from '@app/platform';

/** Close the days due by `asOf` (default now); that it is not in the future is checked against the clock. */
export class CloseDaysCommand {
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Close as of this instant (ISO-8601 with offset), at most now; default now', example: '2026-10-06T00:00:00+08:00' })
  @IsOptional()
  @IsInstant()
  asOf?: string | null;
}
