import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { AgentMonthQuery } from '../paging/agent-month.query';
import { ApiPage } from '../paging/page.openapi';
import { ReadAppraisals } from './read-appraisals';

@ApiTags('appraisals')
@Controller('v1/appraisals')
export class ReadAppraisalsController {
  constructor(private readonly read: ReadAppraisals) {}

  @Get()
  @Roles('supervisor', 'manager', 'hr', 'admin', 'payroll', 'agent')
  @ApiOperation({ summary: 'Appraisals by month, agent and kind, with item scores, sections and bands' })
  @ApiPage('An appraisal (the supervisor\'s, counted, or the agent\'s own) / 考核')
  list(@CurrentUser() user: AuthenticatedUser, @Query() q: AgentMonthQuery) {
    return this.read.list(user, q);
  }
}
