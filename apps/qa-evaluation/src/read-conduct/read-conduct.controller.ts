import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { ReadConduct } from './read-conduct';

@ApiTags('conduct records')
@Controller('v1/conduct-records')
export class ReadConductController {
  constructor(private readonly read: ReadConduct) {}

  @Get()
  @Roles('supervisor', 'manager', 'qa', 'hr', 'payroll', 'admin', 'agent')
  @ApiQuery({ name: 'agentId', required: false })
  @ApiQuery({ name: 'period', required: false })
  @ApiOperation({ summary: 'Records by agent and month (an agent: their own)' })
  list(@CurrentUser() user: AuthenticatedUser, @Query('agentId') agentId?: string, @Query('period') period?: string) {
    return this.read.list(user, agentId, period);
  }

  @Get(':id')
  @Roles('supervisor', 'manager', 'qa', 'hr', 'payroll', 'admin', 'agent')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string) {
    return this.read.get(user, id);
  }
}
