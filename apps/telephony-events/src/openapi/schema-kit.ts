import type { SchemaObject } from '@nestjs/swagger';

export type Schema = SchemaObject;

/** Small builders so the documents below read like the shapes they describe. */
export const str = (description?: string, extra: Schema = {}): Schema => ({ type: 'string', ...(description ? { description } : {}), ...extra });
export const int = (description?: string, extra: Schema = {}): Schema => ({ type: 'integer', ...(description ? { description } : {}), ...extra });
export const num = (description?: string, extra: Schema = {}): Schema => ({ type: 'number', ...(description ? { description } : {}), ...extra });
export const bool = (description?: string): Schema => ({ type: 'boolean', ...(description ? { description } : {}) });
export const nullable = (s: Schema): Schema => ({ ...s, nullable: true });
export const arr = (items: Schema, description?: string): Schema => ({ type: 'array', items, ...(description ? { description } : {}) });
export const enumOf = (values: readonly string[], description?: string): Schema => ({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
export const iso = (description = 'ISO-8601 instant'): Schema => ({ type: 'string', format: 'date-time', description });
export const counts = (description?: string): Schema => ({ type: 'object', additionalProperties: { type: 'integer' }, ...(description ? { description } : {}) });

/** An object whose every listed property is required. */
export function obj(properties: Record<string, Schema>, optional: string[] = [], description?: string): Schema {
  return {
    type: 'object',
    properties,
    required: Object.keys(properties).filter((k) => !optional.includes(k)),
    ...(description ? { description } : {}),
  };
}

/**
 * A page of a list (contracts.md, third round: every list): at most `limit` items and the cursor of the next
 * page, beside the context fields the answer carries (a report's window, a total).
 */
export function page(item: Schema, context: Record<string, Schema> = {}, description?: string): Schema {
  return obj({ ...context, items: arr(item), nextCursor: nullable(str('pass as `cursor` for the next page; null on the last')) }, [], description);
}
