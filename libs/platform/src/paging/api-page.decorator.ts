import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath, type SchemaObject } from '@nestjs/swagger';

/**
 * OpenAPI of a list's answer (contracts.md, third round): a page of `items` and the `nextCursor` to ask
 * for the next one (null on the last), with the context fields the answer keeps beside them. `item` is
 * the item's response class (its schema then types the console's client) or a schema.
 */
export const ApiPage = (description: string, item: SchemaObject | Type<unknown> = { type: 'object' }, context: Record<string, SchemaObject> = {}) => {
  const isClass = typeof item === 'function';
  const itemSchema: SchemaObject = isClass ? ({ $ref: getSchemaPath(item) } as SchemaObject) : item;
  return applyDecorators(
    ...(isClass ? [ApiExtraModels(item)] : []),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: [...Object.keys(context), 'items', 'nextCursor'],
        properties: {
          ...context,
          items: { type: 'array', items: itemSchema },
          nextCursor: { type: 'string', nullable: true, description: 'Pass as `cursor` for the next page; null on the last / 下一页的 cursor,最后一页为 null' },
        },
      },
    }),
  );
};
