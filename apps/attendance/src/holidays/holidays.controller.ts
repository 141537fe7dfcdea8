import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import type { Page } from '@app/platform';
import { ApiPage } from '@app/platform';
import { answerBatch, itemsFromBody } from '../http/request-items';
import type { Holiday } from '../store/holiday.store';
import { HolidayListQuery } from './holiday-list.query';
import { HolidayQueries } from './holiday-queries';
import { UpsertHolidayCommand } from './upsert-holiday.command';
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
  @ApiConsumes('application/json', 'application/x-ndjson')
  @ApiBody({ type: [UpsertHolidayCommand] })
  async post(
    // eslint-disable-next-line no-restricted-syntax -- a JSON array or NDJSON text: no class describes the envelope; each holiday is checked alone against UpsertHolidayCommand, the others stored
    @Body() body: unknown,
  ): Promise<UpsertHolidaysResult> {
    const r = itemsFromBody(body, 'holidays');
    const result = await this.upsert.execute(r.items, r.unreadable);
    return answerBatch(result, result.accepted);
  }

  @Get()
  @Roles('agent', 'supervisor', 'hr', 'payroll', 'admin')
  @ApiOperation({ summary: "A year's holidays by date, a page at a time" })
  @ApiPage('{ items: holidays, nextCursor }')
  list(@Query() q: HolidayListQuery): Promise<Page<Holiday>> {
    return this.queries.year(q);
  }
}
