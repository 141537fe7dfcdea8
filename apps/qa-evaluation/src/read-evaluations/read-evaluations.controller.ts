import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { ApiPage, PageQuery, type Page } from '@app/platform';
import { AgentMonthQuery } from '../paging/agent-month.query';
import { DisputeView } from './dispute.view';
import { EvaluationSummaryView } from './evaluation-summary.view';
import { EvaluationView } from './evaluation.view';
import { ReadEvaluations } from './read-evaluations';

@ApiTags('evaluations')
@Controller('v1/evaluations')
export class ReadEvaluationsController {
  constructor(private readonly read: ReadEvaluations) {}

  @Get()
  @Roles('qa', 'supervisor', 'manager', 'hr', 'admin', 'payroll', 'agent')
  @ApiOperation({ summary: 'Evaluations by agent and month, in creation order (an agent: their own released ones)' })
  @ApiPage('One page; pass `nextCursor` back as `cursor` for the next / 一页; 下一页以 nextCursor 作为 cursor', EvaluationSummaryView)
  list(@CurrentUser() user: AuthenticatedUser, @Query() q: AgentMonthQuery): Promise<Page<EvaluationSummaryView>> {
    return this.read.list(user, q);
  }

  @Get(':id')
  @Roles('qa', 'supervisor', 'manager', 'hr', 'admin', 'payroll', 'agent')
  @ApiOperation({ summary: 'One evaluation with item scores, history and the call facts' })
  @ApiOkResponse({ type: EvaluationView })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<EvaluationView> {
    return this.read.get(user, id);
  }

  @Get(':id/disputes')
  @Roles('qa', 'supervisor', 'manager', 'hr', 'admin', 'agent')
  @ApiOperation({ summary: 'The disputes of an evaluation and their decisions, in order of filing' })
  @ApiPage('One page; pass `nextCursor` back as `cursor` for the next / 一页; 下一页以 nextCursor 作为 cursor', DisputeView)
  disputes(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Query() q: PageQuery): Promise<Page<DisputeView>> {
    return this.read.disputesOf(user, id, q);
  }
}
