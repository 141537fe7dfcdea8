import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { ApiPage } from '@app/platform';
import { MonthSummaryQuery } from './month-summary.query';
import { SummaryQuery } from './summary.query-params';

@ApiTags('attendance summary')
@Controller('v1/attendance/summary')
export class SummaryController {
  constructor(private readonly query: MonthSummaryQuery) {}

  @Get()
  @Roles('supervisor', 'hr', 'payroll', 'admin', 'agent')
  @ApiOperation({ summary: 'Per agent for a month, by agentId, a page at a time: rostered, worked, late, early, absent, leave by type, full attendance, days away, adherence, and the days behind each' })
  @ApiPage('{ period, items: agents\' months, nextCursor }', undefined, { period: { type: 'string', example: '2026-10' } })
  async get(@Query() q: SummaryQuery, @CurrentUser() user: AuthenticatedUser) {
    return this.query.execute(q, user);
  }
}
