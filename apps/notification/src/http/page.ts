import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, type SchemaObject } from '@nestjs/swagger';
import { cursorKey, requestError } from '@app/platform';

/**
 * The sort key a `cursor` names, `undefined` on the first page. Beyond the platform's check (the
 * shape this list writes), text must be text PostgreSQL can take (no NUL): anything else is the
 * same 400 REQUEST.INVALID_CURSOR, never a failed query.
 */
export function pageKey(q: { cursor?: string }, kinds: ReadonlyArray<'string' | 'int'>): (string | number)[] | undefined {
  const key = cursorKey(q, kinds);
  if (key === undefined || key.every((v) => typeof v === 'number' || !v.includes('\u0000'))) return key;
  const message = 'cursor is not one this list returned / cursor 不是本列表返回的值';
  throw requestError('REQUEST.INVALID_CURSOR', message, [{ path: 'cursor', message }]);
}

/**
 * OpenAPI of a list's answer (contracts.md, third round): a page of `items` and the `nextCursor`
 * to ask for the next one (null on the last), with the context fields the answer keeps beside them.
 */
export const ApiPage = (description: string, context: Record<string, SchemaObject> = {}) =>
  applyDecorators(
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: [...Object.keys(context), 'items', 'nextCursor'],
        properties: {
          ...context,
          items: { type: 'array', items: { type: 'object' } },
          nextCursor: { type: 'string', nullable: true, description: 'Pass as `cursor` for the next page; null on the last / 下一页的 cursor,最后一页为 null' },
        },
      },
    }),
  );
