import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { IsBoundedInt, IsPeriod, ParsePeriodPipe } from '@app/platform';
import { CALL_KPIS } from '../store/call-kpi-predicates';
import { ReadScorecards, type CallIdPage, type ScorecardView } from './read-scorecards';

class MonthQuery {
  @IsPeriod() period: string;
}

class CallsQuery {
  @IsIn(CALL_KPIS as unknown as string[]) kpi: string;
  @IsOptional() @Type(() => Number) @IsBoundedInt({ min: 1, max: 1_000_000 }) page?: number;
  @IsOptional() @Type(() => Number) @IsBoundedInt({ min: 1, max: 1000 }) pageSize?: number;
}

@ApiTags('scorecards')
@Controller('v1/scorecards')
export class ScorecardsController {
  constructor(private readonly read: ReadScorecards) {}

  @Get()
  @Roles('supervisor', 'manager', 'hr', 'payroll', 'admin')
  @ApiOperation({ summary: "A month's scorecards (provisional while open); a supervisor gets their own teams' people" })
  async list(@Query() q: MonthQuery, @CurrentUser() user: AuthenticatedUser): Promise<{ period: string; scorecards: ScorecardView[] }> {
    return { period: q.period, scorecards: await this.read.list(user, q.period) };
  }

  @Get(':agentId/:period')
  @Roles('supervisor', 'qa', 'manager', 'hr', 'payroll', 'admin', 'agent')
  @ApiOperation({ summary: "One agent's scorecard, every figure with its inputs (an agent: self only; a supervisor: their own teams, else 403 AUTH.OUTSIDE_YOUR_TEAM)" })
  one(@Param('agentId') agentId: string, @Param('period', ParsePeriodPipe) period: string, @CurrentUser() user: AuthenticatedUser): Promise<ScorecardView> {
    return this.read.one(user, agentId, period);
  }

  @Get(':agentId/:period/revisions')
  @Roles('supervisor', 'manager', 'hr', 'payroll', 'admin', 'agent')
  @ApiOperation({ summary: "Every revision of a closed month's figures (empty while the month is open)" })
  async revisions(@Param('agentId') agentId: string, @Param('period', ParsePeriodPipe) period: string, @CurrentUser() user: AuthenticatedUser) {
    return { agentId, period, revisions: await this.read.revisions(user, agentId, period) };
  }

  @Get(':agentId/:period/calls')
  @Roles('supervisor', 'manager', 'hr', 'payroll', 'admin', 'agent')
  @ApiOperation({ summary: 'The call ids behind a call KPI, paged' })
  calls(@Param('agentId') agentId: string, @Param('period', ParsePeriodPipe) period: string, @Query() q: CallsQuery, @CurrentUser() user: AuthenticatedUser): Promise<CallIdPage> {
    return this.read.callIds(user, agentId, period, q.kpi, q.page ?? 1, q.pageSize ?? 50);
  }
}
