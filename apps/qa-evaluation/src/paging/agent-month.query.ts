import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@app/platform';

/**
 * `?agentId=&period=` of qa's lists of records (evaluations, conduct records, complaints, appraisals) beside
 * `?limit=&cursor=`. The month is checked by the handler (a bad one is 400 QA.REQUEST_INVALID, as before paging).
 */
export class AgentMonthQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'A1001', description: 'An agent: only their own, whatever is asked / 坐席只能查看本人' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  agentId?: string;

  @ApiPropertyOptional({ example: '2026-10', description: 'yyyy-mm, in the policy\'s time zone / 月份' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  period?: string;
}
