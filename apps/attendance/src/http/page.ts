import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, type SchemaObject } from '@nestjs/swagger';
import { cursorKey, isCalendarDate, requestError } from '@app/platform';

/** What a part of a list's sort key holds: text, a calendar date, or a whole number. */
export type KeyPart = 'text' | 'date' | 'int';

const fits = (part: KeyPart, value: string | number): boolean =>
  part === 'int' ? typeof value === 'number' : typeof value === 'string' && !value.includes('\u0000') && (part === 'text' || isCalendarDate(value));

/**
 * The sort key a `cursor` names, `undefined` on the first page. Beyond the platform's check (the
 * shape this list writes), each value must be what its column holds: a date that is no date, or
 * text PostgreSQL cannot take, is the same 400 REQUEST.INVALID_CURSOR, never a failed query.
 */
export function pageKey(q: { cursor?: string }, parts: readonly KeyPart[]): (string | number)[] | undefined {
  const key = cursorKey(q, parts.map((p) => (p === 'int' ? 'int' : 'string')));
  if (key === undefined || key.every((v, i) => fits(parts[i], v))) return key;
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
