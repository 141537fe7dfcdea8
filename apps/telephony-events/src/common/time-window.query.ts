import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';

/**
 * The half-open window [from, to) of a read (statistics, a page of calls): an instant with offset,
 * or a local date (yyyy-mm-dd, in the policy's time zone). Queries extend it with their own fields.
 */
export class TimeWindowQuery {
  @ApiProperty({ example: '2026-10-01' })
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date or instant' })
  from: string;

  @ApiProperty({ example: '2026-11-01' })
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date or instant' })
  to: string;
}
