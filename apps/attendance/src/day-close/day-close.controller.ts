import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { invalid } from '../attendance.errors';
import { parseInstant } from '../domain/days/local-time';
import { CloseDaysCommand } from './close-days.command';
import { CloseDueDays, type CloseResult } from './close-due-days';

@ApiTags('attendance days')
@Controller('v1/attendance/days')
export class DayCloseController {
  constructor(private readonly close: CloseDueDays) {}

  @Post('close')
  @HttpCode(200)
  @Roles('supervisor', 'hr', 'admin')
  @ApiOperation({ summary: 'Close now every day whose check-out window has passed (by `asOf`, at most now), as the background worker does' })
  async post(@Body() body: CloseDaysCommand): Promise<CloseResult> {
    const now = Date.now();
    const asOf = body.asOf == null ? now : parseInstant(body.asOf);
    if (asOf === null || asOf > now) throw invalid([{ path: 'asOf', message: 'an ISO-8601 instant with offset, not in the future / 须为不晚于现在的时间' }]);
    return this.close.execute(asOf);
  }
}
