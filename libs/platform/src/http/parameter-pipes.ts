import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { INT4_MAX, isBoundedInt, isCalendarDate, isPeriodParam, parseBoundedInt, parseCalendarDate, parsePeriod, YEARS, type IntBounds } from '../input/parameters';

/**
 * Path and query parameters of the common kinds, refused with a stable code and the parameter's
 * name before the handler runs: `@Param('period', ParsePeriodPipe)`, `@Query('date', ParseCalendarDatePipe)`,
 * `@Param('version', new ParseBoundedIntPipe({ min: 1 }))`.
 */
@Injectable()
export class ParsePeriodPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, meta: ArgumentMetadata): string {
    return parsePeriod(value, meta.data ?? 'period');
  }
}

@Injectable()
export class ParseCalendarDatePipe implements PipeTransform<unknown, string> {
  transform(value: unknown, meta: ArgumentMetadata): string {
    return parseCalendarDate(value, meta.data ?? 'date');
  }
}

/** A bounded integer (default 1 … PostgreSQL integer); `optional` lets an absent parameter through as undefined. */
@Injectable()
export class ParseBoundedIntPipe implements PipeTransform<unknown, number | undefined> {
  constructor(private readonly bounds: IntBounds & { optional?: boolean } = {}) {}

  transform(value: unknown, meta: ArgumentMetadata): number | undefined {
    if (value === undefined && this.bounds.optional) return undefined;
    return parseBoundedInt(value, meta.data ?? 'value', this.bounds);
  }
}

/** The code a DTO field's refusal carries (read by the validation pipe, see validation-details.ts). */
const withCode = (code: string, options?: ValidationOptions): ValidationOptions => ({ ...options, context: { code, ...options?.context } });

/** A DTO field holding a month `yyyy-mm` within the platform's years; refused as REQUEST.INVALID_PERIOD. */
export const IsPeriod = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy({ name: 'isPeriod', validator: { validate: isPeriodParam, defaultMessage: (a) => `${a?.property} must be a month yyyy-mm from ${YEARS.min} to ${YEARS.max}` } }, withCode('REQUEST.INVALID_PERIOD', options));

/** A DTO field holding a real calendar date within the platform's years; refused as REQUEST.INVALID_DATE. */
export const IsCalendarDate = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy({ name: 'isCalendarDate', validator: { validate: isCalendarDate, defaultMessage: (a) => `${a?.property} must be a real date yyyy-mm-dd from ${YEARS.min} to ${YEARS.max}` } }, withCode('REQUEST.INVALID_DATE', options));

/** A DTO field holding a safe integer within bounds (pair with `@Type(() => Number)` in a query); refused as REQUEST.INVALID_INTEGER. */
export const IsBoundedInt = (bounds: IntBounds = {}, options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    { name: 'isBoundedInt', validator: { validate: (v) => isBoundedInt(v, bounds), defaultMessage: (a) => `${a?.property} must be a whole number from ${bounds.min ?? 1} to ${bounds.max ?? INT4_MAX}` } },
    withCode('REQUEST.INVALID_INTEGER', options),
  );
