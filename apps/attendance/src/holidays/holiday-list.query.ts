import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@app/platform';

/** `GET /v1/holidays`: a year's holiday calendar by date. */
export class HolidayListQuery extends PageQuery {
  // Checked by HolidayQueries, which answers a bad year as ATTENDANCE.INVALID at `year` as it always has.
  @ApiProperty({ example: '2026', pattern: '^\\d{4}$' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  year?: string;
}
