import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { answerBatch, itemsFromBody } from '../http/request-items';
import { HolidayQueries } from './holiday-queries';
import { UpsertHolidays, type UpsertHolidaysResult } from './upsert-holidays';

@ApiTags('holidays')
@Controller('v1/holidays')
export class HolidaysController {
  constructor(
    private readonly upsert: UpsertHolidays,
    private readonly queries: HolidayQueries,
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
  list(@Query('year') year: string) {
    return this.queries.year(year);
  }
}
