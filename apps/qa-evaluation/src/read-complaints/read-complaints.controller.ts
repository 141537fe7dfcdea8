import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
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
  @ApiQuery({ name: 'agentId', required: false })
  @ApiQuery({ name: 'period', required: false })
  list(@CurrentUser() user: AuthenticatedUser, @Query('agentId') agentId?: string, @Query('period') period?: string) {
    return this.complaints.list(user, agentId, period);
  }

  @Get(':id')
  @Roles('supervisor', 'manager', 'qa', 'hr', 'admin', 'payroll', 'agent')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string) {
    return this.complaints.get(user, id);
  }
}
