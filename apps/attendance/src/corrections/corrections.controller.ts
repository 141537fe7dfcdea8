import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { ParseCalendarDatePipe } from '@app/platform';
import { CorrectDay, type CorrectDayResult } from './correct-day';
import { CorrectDayCommand } from './correct-day.command';
import { DayQueries } from './day-queries';

@ApiTags('attendance days')
@Controller('v1/attendance/days/:agentId/:date')
export class CorrectionsController {
  constructor(
    private readonly correct: CorrectDay,
    private readonly queries: DayQueries,
  ) {}

  @Post('correction')
  @HttpCode(200)
  @Roles('supervisor', 'hr')
  @ApiOperation({ summary: 'Correct a day { in?, out?, status?, excused?, reason }; a closed day is re-published with the next version' })
  post(@Param('agentId') agentId: string, @Param('date', ParseCalendarDatePipe) date: string, @Body() body: CorrectDayCommand, @CurrentUser() user: AuthenticatedUser): Promise<CorrectDayResult> {
    return this.correct.execute({ agentId, date, body, by: user });
  }

  @Get()
  @Roles('supervisor', 'hr', 'payroll', 'admin', 'agent')
  @ApiOperation({ summary: 'A day as decided now, with every correction made to it' })
  get(@Param('agentId') agentId: string, @Param('date', ParseCalendarDatePipe) date: string, @CurrentUser() user: AuthenticatedUser) {
    return this.queries.get(agentId, date, user);
  }
}
