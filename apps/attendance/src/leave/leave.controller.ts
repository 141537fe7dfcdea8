import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { ApiErrorResponses, ApiPage, ErrorBodySchema, PageQuery, type Page } from '@app/platform';
import { DecideLeave } from './decide-leave';
import { DecideLeaveCommand } from './decide-leave.command';
import { LeaveListQuery } from './leave-list.query';
import { LeaveQueries } from './leave-queries';
import { LeaveRecordView } from './leave-record.view';
import { RequestLeave } from './request-leave';
import { RequestLeaveCommand } from './request-leave.command';

@ApiTags('leave')
@Controller('v1')
export class LeaveController {
  constructor(
    private readonly request: RequestLeave,
    private readonly decide: DecideLeave,
    private readonly queries: LeaveQueries,
  ) {}

  @Post('leave')
  @HttpCode(201)
  @Roles('agent', 'supervisor', 'hr')
  @ApiOperation({ summary: 'Request leave { agentId, type, from, to, halfDay? } (an agent for themself); refused on swap days and for holiday duty' })
  @ApiCreatedResponse({
    description: '{ leaveId, status }: the new leave, or — for the same request again (agentId, type, from, to, halfDay) while that leave is requested or approved — that leave with its current status, nothing created',
  })
  @ApiErrorResponses(400, 401, 403, 404, 422)
  @ApiResponse({
    status: 409,
    description: 'ATTENDANCE.LEAVE_OVERLAPS: another requested or approved leave of the agent shares a day (am and pm of one date do not); details[0].path is `from` or `to`, the message names that leaveId',
    schema: { $ref: getSchemaPath(ErrorBodySchema) },
  })
  post(@Body() body: RequestLeaveCommand, @CurrentUser() user: AuthenticatedUser) {
    return this.request.execute(body, user);
  }

  @Post('leave/:leaveId/decision')
  @HttpCode(200)
  @Roles('supervisor', 'hr')
  decision(@Param('leaveId') leaveId: string, @Body() body: DecideLeaveCommand, @CurrentUser() user: AuthenticatedUser) {
    return this.decide.execute(leaveId, body, user);
  }

  @Get('leave')
  @Roles('agent', 'supervisor', 'hr', 'payroll', 'admin')
  @ApiOperation({ summary: 'Leave overlapping a month, every status, by (agentId, from), a page at a time (an agent: their own; a supervisor: their own teams\')' })
  @ApiPage('{ items: leave records, nextCursor }', LeaveRecordView)
  list(@Query() q: LeaveListQuery, @CurrentUser() user: AuthenticatedUser): Promise<Page<LeaveRecordView>> {
    return this.queries.month(q, user);
  }

  @Get('leave-types')
  @Roles('agent', 'supervisor', 'hr', 'payroll', 'admin')
  @ApiOperation({ summary: "The policy's leave types by code: paid or not, and whether taking one loses full attendance" })
  @ApiPage('{ items: leave types, nextCursor }')
  types(@Query() q: PageQuery) {
    return this.queries.types(q);
  }
}
