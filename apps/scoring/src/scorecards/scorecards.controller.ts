import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { assertMayReadAgent, CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { CALL_KPIS } from '../store/call-kpi-predicates';
import { ReadScorecards, type CallIdPage, type ScorecardView } from './read-scorecards';

class MonthQuery {
  @IsString() period: string;
}

class CallsQuery {
  @IsIn(CALL_KPIS as unknown as string[]) kpi: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) pageSize?: number;
}

@ApiTags('scorecards')
@Controller('v1/scorecards')
export class ScorecardsController {
  constructor(private readonly read: ReadScorecards) {}

  @Get()
  @Roles('supervisor', 'manager', 'hr', 'payroll', 'admin')
  @ApiOperation({ summary: "A month's scorecards (provisional while open)" })
  async list(@Query() q: MonthQuery): Promise<{ period: string; scorecards: ScorecardView[] }> {
    return { period: q.period, scorecards: await this.read.month(q.period) };
  }

  @Get(':agentId/:period')
  @Roles('supervisor', 'manager', 'hr', 'payroll', 'admin', 'agent')
  @ApiOperation({ summary: "One agent's scorecard, every figure with its inputs (an agent: self only)" })
  one(@Param('agentId') agentId: string, @Param('period') period: string, @CurrentUser() user: AuthenticatedUser): Promise<ScorecardView> {
    assertMayReadAgent(user, agentId);
    return this.read.one(agentId, period);
  }

  @Get(':agentId/:period/revisions')
  @Roles('supervisor', 'manager', 'hr', 'payroll', 'admin', 'agent')
  @ApiOperation({ summary: "Every revision of a closed month's figures (empty while the month is open)" })
  async revisions(@Param('agentId') agentId: string, @Param('period') period: string, @CurrentUser() user: AuthenticatedUser) {
    assertMayReadAgent(user, agentId);
    return { agentId, period, revisions: await this.read.revisions(agentId, period) };
  }

  @Get(':agentId/:period/calls')
  @Roles('supervisor', 'manager', 'hr', 'payroll', 'admin', 'agent')
  @ApiOperation({ summary: 'The call ids behind a call KPI, paged' })
  calls(@Param('agentId') agentId: string, @Param('period') period: string, @Query() q: CallsQuery, @CurrentUser() user: AuthenticatedUser): Promise<CallIdPage> {
    assertMayReadAgent(user, agentId);
    return this.read.callIds(agentId, period, q.kpi, q.page ?? 1, q.pageSize ?? 50);
  }
}
