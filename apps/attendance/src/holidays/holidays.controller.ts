import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import type { Page } from '@app/platform';
import { ApiPage } from '@app/platform';
import { answerBatch, itemsFromBody, type RequestItems } from '../http/request-items';
import { BatchBody } from '../http/batch-body.decorator';
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
    @BatchBody((body: unknown) => itemsFromBody(body, 'holidays')) batch: RequestItems,
  ): Promise<UpsertHolidaysResult> {
    const result = await this.upsert.execute(batch.items, batch.unreadable);
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
