import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The window and queue of a statistics request (agent and queue statistics alike). `from`/`to`: an
 * instant with offset, or a local date (yyyy-mm-dd, in the policy's time zone).
 */
export class StatsWindowQuery {
  @ApiProperty({ example: '2026-10-01' })
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date or instant' })
  from: string;

  @ApiProperty({ example: '2026-11-01' })
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date or instant' })
  to: string;

  /** One queue; absent or empty means every queue. */
  @ApiPropertyOptional({ example: 'sales' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  queue?: string;
}
