import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { TimeWindowQuery } from '../common/time-window.query';

export class ListCallsQuery extends TimeWindowQuery {
  /** Agents: themselves only (default). Supervisors and QA: someone of their own teams, or every call when absent. */
  @ApiPropertyOptional({ example: 'A1001' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  agentId?: string;

  /** `nextCursor` of the previous page. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1_000)
  cursor?: string;
}
