import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { TimeWindowQuery } from './time-window.query';

/** The window and queue of a statistics request (agent and queue statistics alike). */
export class StatsWindowQuery extends TimeWindowQuery {
  /** One queue; absent or empty means every queue. */
  @ApiPropertyOptional({ example: 'sales' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  queue?: string;
}
