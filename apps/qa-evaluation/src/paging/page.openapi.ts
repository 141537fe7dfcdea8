import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, type SchemaObject } from '@nestjs/swagger';

/**
 * A list's answer in the OpenAPI document: `{ items, nextCursor }` (contracts.md third round), with the context
 * fields the answer keeps beside the items (e.g. a work list's `period`).
 */
export function ApiPage(item: string, context: Record<string, SchemaObject> = {}): MethodDecorator {
  return applyDecorators(
    ApiOkResponse({
      description: 'One page; pass `nextCursor` back as `cursor` for the next / 一页; 下一页以 nextCursor 作为 cursor',
      schema: {
        type: 'object',
        required: [...Object.keys(context), 'items', 'nextCursor'],
        properties: {
          ...context,
          items: { type: 'array', items: { type: 'object', description: item } },
          nextCursor: { type: 'string', nullable: true, description: 'null on the last page / 最后一页为 null' },
        },
      },
    }),
  );
}
