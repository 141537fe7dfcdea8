import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { PageQuery } from '@app/platform';

/** One edge of a read's window; declared once for the plain and the paged window below. */
const WindowEdge = (name: 'from' | 'to', example: string): PropertyDecorator =>
  applyDecorators(ApiProperty({ example }), IsISO8601({ strict: true }, { message: `${name} must be an ISO-8601 date or instant` }));

/**
 * The half-open window [from, to) of a read (statistics, a page of calls): an instant with offset,
 * or a local date (yyyy-mm-dd, in the policy's time zone). Queries extend it with their own fields.
 */
export class TimeWindowQuery {
  @WindowEdge('from', '2026-10-01')
  from: string;

  @WindowEdge('to', '2026-11-01')
  to: string;
}

/** The same window read as a list: `?limit=&cursor=` (PageQuery) beside it. */
export class PagedWindowQuery extends PageQuery {
  @WindowEdge('from', '2026-10-01')
  from: string;

  @WindowEdge('to', '2026-11-01')
  to: string;
}
