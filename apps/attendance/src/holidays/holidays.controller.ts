import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { invalid } from '../attendance.errors';
import { answerBatch, itemsFromBody } from '../http/request-items';
import { HolidayStore } from '../store/holiday.store';
import { UpsertHolidays, type UpsertHolidaysResult } from './upsert-holidays';

@ApiTags('holidays')
@Controller('v1/holidays')
export class HolidaysController {
  constructor(
    private readonly upsert: UpsertHolidays,
    private readonly holidays: HolidayStore,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles('hr')
  @ApiOperation({ summary: 'The holiday calendar [{ date, name, dutyAgentIds }]; duty agents may neither swap nor take leave' })
  async post(@Body() body: unknown): Promise<UpsertHolidaysResult> {
    const r = itemsFromBody(body, 'holidays');
    const result = await this.upsert.execute(r.items, r.unreadable);
    return answerBatch(result, result.accepted);
  }

  @Get()
  @Roles('agent', 'supervisor', 'hr', 'payroll', 'admin')
  async list(@Query('year') year: string) {
    if (!/^\d{4}$/.test(year ?? '')) throw invalid([{ path: 'year', message: 'a year yyyy' }]);
    return [...(await this.holidays.between(`${year}-01-01`, `${year}-12-31`)).values()];
  }
}
