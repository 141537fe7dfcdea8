import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, type SchemaObject } from '@nestjs/swagger';

/**
 * OpenAPI of a list's answer (contracts.md, third round): a page of `items` and the `nextCursor` to ask
 * for the next one (null on the last), with the context fields the answer keeps beside them.
 */
export const ApiPage = (description: string, item: SchemaObject = { type: 'object' }, context: Record<string, SchemaObject> = {}) =>
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
