import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { MonthSummaryQuery } from './month-summary.query';

@ApiTags('attendance summary')
@Controller('v1/attendance/summary')
export class SummaryController {
  constructor(private readonly query: MonthSummaryQuery) {}

  @Get()
  @Roles('supervisor', 'hr', 'payroll', 'admin', 'agent')
  @ApiOperation({ summary: 'Per agent for a month: rostered, worked, late, early, absent, leave by type, full attendance, days away, adherence, and the days behind each' })
  async get(@Query('period') period: string, @CurrentUser() user: AuthenticatedUser, @Query('agentId') agentId?: string) {
    return this.query.execute(period, user, agentId);
  }
}
