import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { Complaints } from './complaints';

@ApiTags('complaints')
@Controller('v1/complaints')
export class ComplaintsController {
  constructor(private readonly complaints: Complaints) {}

  @Post()
  @Roles('supervisor', 'qa')
  @ApiBody({ schema: { type: 'object', required: ['receivedAt', 'channel', 'summary'] } })
  register(@Body() body: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.complaints.register(body, user.sub);
  }

  @Post(':id/judgement')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({ summary: 'Judge valid or not, with category and reason; publishes qa.complaint.judged' })
  @ApiBody({ schema: { type: 'object', required: ['valid', 'category', 'reason'] } })
  judge(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.complaints.judge(id, body, user.sub);
  }

  @Get('stats')
  @Roles('supervisor', 'qa', 'hr', 'admin')
  @ApiQuery({ name: 'period', required: true })
  stats(@Query('period') period?: string) {
    return this.complaints.stats(period);
  }

  @Get()
  @Roles('supervisor', 'qa', 'hr', 'admin', 'payroll', 'agent')
  @ApiQuery({ name: 'agentId', required: false })
  @ApiQuery({ name: 'period', required: false })
  list(@CurrentUser() user: AuthenticatedUser, @Query('agentId') agentId?: string, @Query('period') period?: string) {
    return this.complaints.list(user, agentId, period);
  }

  @Get(':id')
  @Roles('supervisor', 'qa', 'hr', 'admin', 'payroll', 'agent')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string) {
    return this.complaints.get(user, id);
  }
}
