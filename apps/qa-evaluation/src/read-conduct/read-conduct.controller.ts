import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { ApiPage, type Page } from '@app/platform';
import { AgentMonthQuery } from '../paging/agent-month.query';
import { ConductRecordDetailView, ConductRecordView } from './conduct-record.view';
import { ReadConduct } from './read-conduct';

@ApiTags('conduct records')
@Controller('v1/conduct-records')
export class ReadConductController {
  constructor(private readonly read: ReadConduct) {}

  @Get()
  @Roles('supervisor', 'manager', 'qa', 'hr', 'payroll', 'admin', 'agent')
  @ApiOperation({ summary: 'Records by agent and month, in order of occurrence (an agent: their own)' })
  @ApiPage('A conduct record (amount in yuan) / 奖罚记录', ConductRecordView)
  list(@CurrentUser() user: AuthenticatedUser, @Query() q: AgentMonthQuery): Promise<Page<ConductRecordView>> {
    return this.read.list(user, q);
  }

  @Get(':id')
  @Roles('supervisor', 'manager', 'qa', 'hr', 'payroll', 'admin', 'agent')
  @ApiOkResponse({ type: ConductRecordDetailView })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<ConductRecordDetailView> {
    return this.read.get(user, id);
  }
}
