import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { ApiErrorResponses, ApiPage, IsPeriod, PageQuery, ParsePeriodPipe, type Page } from '@app/platform';
import { CONTEXT } from '../http/page';
import { LISTED_KPIS } from '../store/call-kpi-predicates';
import { ListScorecards } from './list-scorecards';
import { ReadScorecards, type CallIdPage, type RevisionPage } from './read-scorecards';
import { ScorecardCardView } from './scorecard.view';

class MonthQuery extends PageQuery {
  @IsPeriod() period: string;
}

class CallsQuery extends PageQuery {
  @IsIn(LISTED_KPIS as unknown as string[]) kpi: string;
}

@ApiTags('scorecards')
@Controller('v1/scorecards')
export class ScorecardsController {
  constructor(
    private readonly list: ListScorecards,
    private readonly read: ReadScorecards,
  ) {}

  @Get()
  @Roles('supervisor', 'manager', 'hr', 'payroll', 'admin')
  @ApiOperation({ summary: "A page of a month's scorecards by agent id (provisional while open), `limit` (default 100, at most 1,000) after `cursor`; a supervisor gets their own teams' people" })
  @ApiPage("The month's scorecards / 月度记分卡", ScorecardCardView, { period: CONTEXT.period })
  @ApiErrorResponses(400, 401, 403)
  month(@Query() q: MonthQuery, @CurrentUser() user: AuthenticatedUser): Promise<Page<ScorecardCardView> & { period: string }> {
    return this.list.execute(user, q.period, q);
  }

  @Get(':agentId/:period')
  @Roles('supervisor', 'qa', 'manager', 'hr', 'payroll', 'admin', 'agent')
  @ApiOperation({ summary: "One agent's scorecard, every figure with its inputs (an agent: self only; a supervisor: their own teams, else 403 AUTH.OUTSIDE_YOUR_TEAM)" })
  @ApiOkResponse({ type: ScorecardCardView })
  one(@Param('agentId') agentId: string, @Param('period', ParsePeriodPipe) period: string, @CurrentUser() user: AuthenticatedUser): Promise<ScorecardCardView> {
    return this.read.one(user, agentId, period);
  }

  @Get(':agentId/:period/revisions')
  @Roles('supervisor', 'manager', 'hr', 'payroll', 'admin', 'agent')
  @ApiOperation({ summary: "A page of a closed month's revisions of the card, oldest first (none while the month is open)" })
  @ApiPage('Revisions / 修订记录', { type: 'object', properties: { revision: { type: 'integer' }, createdAt: { type: 'string', format: 'date-time' }, figures: { type: 'object' } } }, {
    agentId: CONTEXT.agentId, period: CONTEXT.period,
  })
  @ApiErrorResponses(400, 401, 403, 404)
  revisions(@Param('agentId') agentId: string, @Param('period', ParsePeriodPipe) period: string, @Query() q: PageQuery, @CurrentUser() user: AuthenticatedUser): Promise<RevisionPage> {
    return this.read.revisions(user, agentId, period, q);
  }

  @Get(':agentId/:period/calls')
  @Roles('supervisor', 'manager', 'hr', 'payroll', 'admin', 'agent')
  @ApiOperation({ summary: 'A page of the call ids behind a call KPI, in the order the calls were offered (`autoQaChecked`: the calls an automatic evaluation checked, behind the autoQa KPIs)' })
  @ApiPage('Call ids / 通话编号', { type: 'string' }, { agentId: CONTEXT.agentId, period: CONTEXT.period, kpi: CONTEXT.kpi, total: CONTEXT.total })
  @ApiErrorResponses(400, 401, 403, 404)
  calls(@Param('agentId') agentId: string, @Param('period', ParsePeriodPipe) period: string, @Query() q: CallsQuery, @CurrentUser() user: AuthenticatedUser): Promise<CallIdPage> {
    return this.read.callIds(user, agentId, period, q.kpi, q);
  }
}
