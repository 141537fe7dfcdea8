import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { agentFilterFor } from '../access/agent-scope';
import { AppraisalStore } from '../store/appraisal.store';
import { SubmitAppraisal } from './submit-appraisal';

@ApiTags('appraisals')
@Controller('v1/appraisals')
export class AppraisalsController {
  constructor(
    private readonly submit: SubmitAppraisal,
    private readonly store: AppraisalStore,
  ) {}

  @Post()
  @Roles('supervisor')
  @ApiOperation({ summary: 'The supervisor\'s monthly appraisal; resubmitting before close replaces it' })
  @ApiBody({ schema: { type: 'object', required: ['agentId', 'period', 'scores'] } })
  post(@Body() body: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.submit.execute(body, 'supervisor', user.sub);
  }

  @Post('self')
  @Roles('agent')
  @ApiOperation({ summary: 'The agent\'s self-score: kept, never counted' })
  @ApiBody({ schema: { type: 'object', required: ['period', 'scores'] } })
  self(@Body() body: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.submit.execute(body, 'self', user.sub, user.agentId);
  }

  @Get()
  @Roles('supervisor', 'hr', 'admin', 'payroll', 'agent')
  @ApiQuery({ name: 'period', required: false })
  @ApiQuery({ name: 'agentId', required: false })
  list(@CurrentUser() user: AuthenticatedUser, @Query('period') period?: string, @Query('agentId') agentId?: string) {
    return this.store.list({ period, agentId: agentFilterFor(user, agentId) });
  }
}
