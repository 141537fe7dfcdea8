import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional } from 'class-validator';
import { IsCalendarDate } from '@app/platform';
import { IsText } from '@app/platform';
import { RequiredText } from '../http/command-fields';
import { MAX_ITEMS_PER_REQUEST } from '../http/request-items';

/** One holiday of the calendar; whether its duty agents exist is the store's to say (UpsertHolidays). */
export class UpsertHolidayCommand {
  @ApiProperty({ type: String, format: 'date', description: 'The holiday yyyy-mm-dd', example: '2026-10-01' })
  @IsCalendarDate()
  date!: string;

  @RequiredText(200, { description: 'Its name', example: '国庆节 National Day' })
  name!: string;

  @ApiPropertyOptional({ type: [String], maxItems: MAX_ITEMS_PER_REQUEST, description: 'Agents on duty that day: they may neither swap nor take leave', example: ['A1'] })
  @IsOptional()
  @IsArray({ message: 'a list of agent ids / 坐席编号列表' })
  @ArrayMaxSize(MAX_ITEMS_PER_REQUEST)
  @IsText(64, { each: true })
  dutyAgentIds?: string[] | null;
}
