import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isInstantParam, YEARS } from '@app/contracts';

/**
 * Field rules the services' command classes share, so every body refuses a blank id, an over-long
 * note or an offset-less time in the same words. Each is one constraint: a bad value is reported
 * once, under its path.
 */

/** Text: a string with something besides spaces, at most `max` characters (2000 unless the field says otherwise). */
export const IsText = (max = 2000, options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isText',
      validator: {
        validate: (v) => typeof v === 'string' && /\S/.test(v) && v.length <= max,
        defaultMessage: (a) => `${a?.property}: text of up to ${max} characters, not blank / 须为非空文本,最多 ${max} 个字符`,
      },
    },
    options,
  );

/** An ISO-8601 instant with an offset or Z on a real date within the platform's years (libs/contracts' pure check). */
export const IsInstant = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: isInstantParam,
        defaultMessage: (a) =>
          `${a?.property} must be an ISO-8601 instant with offset from ${YEARS.min} to ${YEARS.max}, e.g. 2026-10-05T08:01:00+08:00 / 须为 ${YEARS.min}–${YEARS.max} 年间带时区的 ISO-8601 时间`,
      },
    },
    options,
  );

/** One value of a fixed list; its message names the list. */
export const OneOf = (list: readonly string[], options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    { name: 'oneOf', validator: { validate: (v) => typeof v === 'string' && list.includes(v), defaultMessage: () => `one of ${list.join(', ')} / 取值之一:${list.join(', ')}` } },
    options,
  );

/** true or false, nothing else (no "true" strings: a CSV cell is converted before it is checked). */
export const IsTrueOrFalse = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy({ name: 'isTrueOrFalse', validator: { validate: (v) => typeof v === 'boolean', defaultMessage: () => 'true or false / 须为 true 或 false' } }, options);
