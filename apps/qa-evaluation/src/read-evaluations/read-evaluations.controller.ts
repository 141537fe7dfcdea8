import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { ReadEvaluations } from './read-evaluations';

@ApiTags('evaluations')
@Controller('v1/evaluations')
export class ReadEvaluationsController {
  constructor(private readonly read: ReadEvaluations) {}

  @Get()
  @Roles('qa', 'supervisor', 'manager', 'hr', 'admin', 'payroll', 'agent')
  @ApiOperation({ summary: 'Evaluations by agent and month (an agent: their own released ones)' })
  @ApiQuery({ name: 'agentId', required: false })
  @ApiQuery({ name: 'period', required: false, description: 'yyyy-mm' })
  list(@CurrentUser() user: AuthenticatedUser, @Query('agentId') agentId?: string, @Query('period') period?: string) {
    return this.read.list(user, { agentId, period });
  }

  @Get(':id')
  @Roles('qa', 'supervisor', 'manager', 'hr', 'admin', 'payroll', 'agent')
  @ApiOperation({ summary: 'One evaluation with item scores, history and the call facts' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string) {
    return this.read.get(user, id);
  }

  @Get(':id/disputes')
  @Roles('qa', 'supervisor', 'manager', 'hr', 'admin', 'agent')
  @ApiOperation({ summary: 'The disputes of an evaluation and their decisions' })
  disputes(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string) {
    return this.read.disputesOf(user, id);
  }
}
