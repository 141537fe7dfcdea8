import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, type SchemaObject } from '@nestjs/swagger';
import { cursorKey, requestError, unstorableText } from '@app/platform';

/**
 * The sort key a `cursor` names, `undefined` on the first page. Beyond the platform's check (the shape this list
 * writes), no text part may hold what PostgreSQL cannot take (NUL, a lone surrogate): the same 400
 * REQUEST.INVALID_CURSOR, never a failed query.
 */
export function pageKey(q: { cursor?: string }, kinds: ReadonlyArray<'string' | 'int'>): (string | number)[] | undefined {
  const key = cursorKey(q, kinds);
  if (key === undefined || key.every((v) => typeof v === 'number' || unstorableText(v) === null)) return key;
  const message = 'cursor is not one this list returned / cursor 不是本列表返回的值';
  throw requestError('REQUEST.INVALID_CURSOR', message, [{ path: 'cursor', message }]);
}

const str = (description: string): SchemaObject => ({ type: 'string', description });

/** Context fields the scoring lists carry beside their page. */
export const CONTEXT = {
  period: str('The month, yyyy-mm / 月份'),
  agentId: str('The agent / 坐席'),
  kpi: str('The call KPI / 话务指标'),
  total: { type: 'integer', description: 'How many in all (every page) / 总数' } satisfies SchemaObject,
};

/**
 * OpenAPI of a list's answer (contracts.md, third round): a page of `items` and the `nextCursor` to ask for the
 * next one (null on the last), with the context fields the answer keeps beside them.
 */
export const ApiPage = (description: string, item: SchemaObject, context: Record<string, SchemaObject> = {}) =>
  applyDecorators(
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: [...Object.keys(context), 'items', 'nextCursor'],
        properties: {
          ...context,
          items: { type: 'array', items: item },
          nextCursor: { type: 'string', nullable: true, description: 'Pass as `cursor` for the next page; null on the last / 下一页的 cursor,最后一页为 null' },
        },
      },
    }),
  );
