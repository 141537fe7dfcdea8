import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { ApiPage, PageQuery, type Page } from '@app/platform';
import type { ShiftType } from '../domain/days/shift-type';
import { ShiftTypeQueries } from './shift-type-queries';
import { UpsertShiftType } from './upsert-shift-type';
import { UpsertShiftTypeCommand } from './upsert-shift-type.command';

@ApiTags('shift types')
@Controller('v1/shift-types')
export class ShiftTypesController {
  constructor(
    private readonly upsert: UpsertShiftType,
    private readonly queries: ShiftTypeQueries,
  ) {}

  @Get()
  @Roles('hr', 'admin', 'supervisor', 'payroll', 'qa', 'agent', 'clock')
  @ApiOperation({ summary: 'The shift types by code' })
  @ApiPage('{ items: shift types, nextCursor }')
  list(@Query() q: PageQuery): Promise<Page<ShiftType>> {
    return this.queries.list(q);
  }

  @Post()
  @HttpCode(200)
  @Roles('hr', 'admin', 'supervisor')
  @ApiOperation({ summary: 'Create or change a shift type (`end` before `start` = overnight); open roster days of it move with it' })
  post(@Body() body: UpsertShiftTypeCommand): Promise<ShiftType> {
    return this.upsert.execute(body);
  }
}
