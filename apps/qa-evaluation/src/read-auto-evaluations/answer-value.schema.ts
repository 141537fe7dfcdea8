import type { ApiPropertyOptions } from '@nestjs/swagger';

/** An answer as the forms take it (a number, true/false or "na"): a union, which a property's type cannot say. */
export const ANSWER_VALUE = { oneOf: [{ type: 'number' }, { type: 'boolean' }, { type: 'string', enum: ['na'] }] } as ApiPropertyOptions;
