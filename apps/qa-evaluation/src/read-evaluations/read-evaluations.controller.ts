import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { PageQuery } from '@app/platform';
import { AgentMonthQuery } from '../paging/agent-month.query';
import { ApiPage } from '../paging/page.openapi';
import { EvaluationView } from './evaluation.view';
import { ReadEvaluations } from './read-evaluations';

@ApiTags('evaluations')
@Controller('v1/evaluations')
export class ReadEvaluationsController {
  constructor(private readonly read: ReadEvaluations) {}

  @Get()
  @Roles('qa', 'supervisor', 'manager', 'hr', 'admin', 'payroll', 'agent')
  @ApiOperation({ summary: 'Evaluations by agent and month, in creation order (an agent: their own released ones)' })
  @ApiPage('An evaluation with its score, without the answers / 质检记录 (不含答案)')
  list(@CurrentUser() user: AuthenticatedUser, @Query() q: AgentMonthQuery) {
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
  @ApiPage('A dispute / 异议')
  disputes(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Query() q: PageQuery) {
    return this.read.disputesOf(user, id, q);
  }
}
