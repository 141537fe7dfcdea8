import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { TimeWindowQuery } from './time-window.query';

/** One queue; absent or empty means every queue (queue and agent statistics alike). */
export const QueueFilter = (): PropertyDecorator => applyDecorators(ApiPropertyOptional({ example: 'sales' }), IsOptional(), IsString(), MaxLength(200));

/** The window and queue of a statistics request. */
export class StatsWindowQuery extends TimeWindowQuery {
  @QueueFilter()
  queue?: string;
}
