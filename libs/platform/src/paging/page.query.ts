import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsBoundedInt } from '../http/parameter-pipes';
import { requestError } from '../errors/request-errors';
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
 * The sort key `q.cursor` names, `undefined` on the first page, or 400 REQUEST.INVALID_CURSOR
 * when the cursor is not one this list wrote (another list's, edited, or truncated).
 */
export function cursorKey(q: { cursor?: string }, kinds: ReadonlyArray<'string' | 'int'>): (string | number)[] | undefined {
  if (q.cursor === undefined) return undefined;
  const key = decodeCursor(q.cursor, kinds);
  if (key !== null) return key;
  const message = 'cursor is not one this list returned / cursor 不是本列表返回的值';
  throw requestError('REQUEST.INVALID_CURSOR', message, [{ path: 'cursor', message }]);
}
