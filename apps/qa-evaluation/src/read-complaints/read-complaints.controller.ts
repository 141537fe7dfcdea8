import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { ApiPage, type Page } from '@app/platform';
import { AgentMonthQuery } from '../paging/agent-month.query';
import { ComplaintView } from './complaint.view';
import { ReadComplaints } from './read-complaints';

@ApiTags('complaints')
@Controller('v1/complaints')
export class ReadComplaintsController {
  constructor(private readonly complaints: ReadComplaints) {}

  @Get('stats')
  @Roles('supervisor', 'manager', 'qa', 'hr', 'admin')
  @ApiOperation({ summary: 'Judged complaints of a month by category (valid ones count)' })
  @ApiQuery({ name: 'period', required: true })
  stats(@Query('period') period?: string) {
    return this.complaints.stats(period);
  }

  @Get()
  @Roles('supervisor', 'manager', 'qa', 'hr', 'admin', 'payroll', 'agent')
  @ApiOperation({ summary: 'Complaints by agent and month, in order of receipt (an agent: those attributed to them)' })
  @ApiPage('One page; pass `nextCursor` back as `cursor` for the next / 一页; 下一页以 nextCursor 作为 cursor', ComplaintView)
  list(@CurrentUser() user: AuthenticatedUser, @Query() q: AgentMonthQuery): Promise<Page<ComplaintView>> {
    return this.complaints.list(user, q);
  }

  @Get(':id')
  @Roles('supervisor', 'manager', 'qa', 'hr', 'admin', 'payroll', 'agent')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string) {
    return this.complaints.get(user, id);
  }
}
