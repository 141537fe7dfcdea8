import { ValidateIf } from 'class-validator';

/**
 * An optional field: absent is fine, but a `null` is still checked (and refused). `@IsOptional()`
 * would let `null` through, and a null id or flag would then silently take its default.
 */
export const IfPresent = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);
