import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import type { ShiftType } from '../domain/shift-type';
import { UpsertShiftType } from './upsert-shift-type';

@ApiTags('shift types')
@Controller('v1/shift-types')
export class ShiftTypesController {
  constructor(private readonly upsert: UpsertShiftType) {}

  @Get()
  @Roles('hr', 'admin', 'supervisor', 'payroll', 'qa', 'agent', 'clock')
  list(): Promise<ShiftType[]> {
    return this.upsert.list();
  }

  @Post()
  @HttpCode(200)
  @Roles('hr', 'admin', 'supervisor')
  @ApiOperation({ summary: 'Create or change a shift type (`end` before `start` = overnight); open roster days of it move with it' })
  post(@Body() body: unknown): Promise<ShiftType> {
    return this.upsert.execute(body);
  }
}
