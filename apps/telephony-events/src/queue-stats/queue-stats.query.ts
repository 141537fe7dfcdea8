import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { StatsWindowQuery } from '../http/stats-window.query';

/** The statistics window, plus the service-level target these figures are measured against. */
export class QueueStatsQuery extends StatsWindowQuery {
  /** Service-level target in seconds; default from the policy (20 s). */
  @ApiPropertyOptional({ example: 20 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt({ message: 'targetSec must be a whole number of seconds' })
  @Min(1)
  @Max(3600)
  targetSec?: number;
}
