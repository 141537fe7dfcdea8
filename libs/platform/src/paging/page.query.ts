import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsBoundedInt } from '../http/parameter-pipes';
import { requestError } from '../errors/request-errors';
import { isCalendarDate } from '../input/parameters';
import { unstorableText } from '../input/unstorable-text';
import { decodeCursor, PAGE_LIMIT } from './page';

/**
 * `?limit=&cursor=` of every list endpoint; a list's query class extends it. The validation pipe
 * checks both (limit 1–1,000, cursor base64url) so a handler only asks `limitOf` and `cursorKey`.
 */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_LIMIT.max, default: PAGE_LIMIT.default, description: 'Items per page / 每页条数' })
  @IsOptional()
  @Type(() => Number)
  @IsBoundedInt({ min: 1, max: PAGE_LIMIT.max })
  limit?: number;

  @ApiPropertyOptional({ description: '`nextCursor` of the previous page / 上一页返回的 nextCursor' })
  @IsOptional()
  @IsString()
  @MaxLength(1_000)
  @Matches(/^[A-Za-z0-9_-]+$/)
  cursor?: string;
}

export const limitOf = (q: { limit?: number }): number => q.limit ?? PAGE_LIMIT.default;

/**
 * What a part of a list's sort key holds, as its column does: text PostgreSQL can store (no NUL, no lone
 * surrogate), a calendar date `yyyy-mm-dd`, a safe integer, or an instant in milliseconds 1970–9999.
 */
export type KeyPart = 'string' | 'date' | 'int' | 'instant';

/** The latest instant a cursor may name (year 9999): past it a Date, or PostgreSQL, would fail rather than refuse. */
const LAST_INSTANT_MS = Date.UTC(9999, 11, 31);

const fits = (part: KeyPart, v: string | number): boolean => {
  if (part === 'int') return typeof v === 'number';
  if (part === 'instant') return typeof v === 'number' && v >= 0 && v <= LAST_INSTANT_MS;
  return typeof v === 'string' && unstorableText(v) === null && (part === 'string' || isCalendarDate(v));
};

/**
 * The sort key `q.cursor` names, `undefined` on the first page, or 400 REQUEST.INVALID_CURSOR when the
 * cursor is not one this list wrote (another list's, edited, or truncated) or holds what its column
 * cannot compare (NUL, a date that is none, an instant past year 9999): never a failed query.
 */
export function cursorKey(q: { cursor?: string }, parts: readonly KeyPart[]): (string | number)[] | undefined {
  if (q.cursor === undefined) return undefined;
  const key = decodeCursor(q.cursor, parts.map((p) => (p === 'int' || p === 'instant' ? 'int' : 'string')));
  if (key !== null && key.every((v, i) => fits(parts[i], v))) return key;
  const message = 'cursor is not one this list returned / cursor 不是本列表返回的值';
  throw requestError('REQUEST.INVALID_CURSOR', message, [{ path: 'cursor', message }]);
}
