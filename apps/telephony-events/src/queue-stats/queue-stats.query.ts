import { Transform } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';

/** `from`/`to`: an instant with offset, or a local date (yyyy-mm-dd, in the policy's time zone). */
export class QueueStatsQuery {
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

  /** Service-level target in seconds; default from the policy (20 s). */
  @ApiPropertyOptional({ example: 20 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt({ message: 'targetSec must be a whole number of seconds' })
  @Min(1)
  @Max(3600)
  targetSec?: number;
}
