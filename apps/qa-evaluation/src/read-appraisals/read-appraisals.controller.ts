import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { ReadAppraisals } from './read-appraisals';

@ApiTags('appraisals')
@Controller('v1/appraisals')
export class ReadAppraisalsController {
  constructor(private readonly read: ReadAppraisals) {}

  @Get()
  @Roles('supervisor', 'manager', 'hr', 'admin', 'payroll', 'agent')
  @ApiOperation({ summary: 'Appraisals by month and agent, with item scores, sections and bands' })
  @ApiQuery({ name: 'period', required: false })
  @ApiQuery({ name: 'agentId', required: false })
  list(@CurrentUser() user: AuthenticatedUser, @Query('period') period?: string, @Query('agentId') agentId?: string) {
    return this.read.list(user, period, agentId);
  }
}
