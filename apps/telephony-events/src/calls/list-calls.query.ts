import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PagedWindowQuery } from '../http/time-window.query';

/** `GET /v1/calls?from=&to=[&agentId=][&limit=&cursor=]`. */
export class ListCallsQuery extends PagedWindowQuery {
  /** Agents: themselves only (default). Supervisors and QA: someone of their own teams, or every call when absent. */
  @ApiPropertyOptional({ example: 'A1001' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  agentId?: string;
}
