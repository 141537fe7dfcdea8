import { isCalendarDate, isInstantParam, isPeriodParam, YEARS } from '@app/contracts';
import { requestError } from '../errors/request-errors';

export { isCalendarDate, isInstantParam, isPeriodParam, YEARS };

/** PostgreSQL `integer`: the default bound of ids, versions and counts held in such columns. */
export const INT4_MAX = 2_147_483_647;

const DECIMAL = /^-?\d{1,16}$/;

export interface IntBounds {
  /** Default 1. */
  min?: number;
  /** Default INT4_MAX. */
  max?: number;
}

/** A safe integer within the bounds (1e308 and 30-digit numbers are integers to JS, not to PostgreSQL). */
export function isBoundedInt(value: unknown, bounds: IntBounds = {}): value is number {
  const { min = 1, max = INT4_MAX } = bounds;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

const bilingual = (en: string, zh: string) => `${en} / ${zh}`;

/** `value` as a period, or 400 REQUEST.INVALID_PERIOD naming `path`. */
export function parsePeriod(value: unknown, path = 'period'): string {
  if (isPeriodParam(value)) return value;
  const message = bilingual(`${path} must be a month yyyy-mm from ${YEARS.min} to ${YEARS.max}`, `${path} 须为 ${YEARS.min}–${YEARS.max} 年间的月份 yyyy-mm`);
  throw requestError('REQUEST.INVALID_PERIOD', message, [{ path, message }]);
}

/** `value` as a calendar date, or 400 REQUEST.INVALID_DATE naming `path`. */
export function parseCalendarDate(value: unknown, path = 'date'): string {
  if (isCalendarDate(value)) return value;
  const message = bilingual(`${path} must be a real date yyyy-mm-dd from ${YEARS.min} to ${YEARS.max}`, `${path} 须为 ${YEARS.min}–${YEARS.max} 年间的真实日期 yyyy-mm-dd`);
  throw requestError('REQUEST.INVALID_DATE', message, [{ path, message }]);
}

/**
 * `value` (a number, or a path or query string of plain decimal digits) as a bounded integer, or
 * 400 REQUEST.INVALID_INTEGER naming `path`. `1e3`, `0x10` and `1.0` are not written integers.
 */
export function parseBoundedInt(value: unknown, path: string, bounds: IntBounds = {}): number {
  const n = typeof value === 'string' && DECIMAL.test(value) ? Number(value) : value;
  if (isBoundedInt(n, bounds)) return n;
  const { min = 1, max = INT4_MAX } = bounds;
  const message = bilingual(`${path} must be a whole number from ${min} to ${max}`, `${path} 须为 ${min} 到 ${max} 之间的整数`);
  throw requestError('REQUEST.INVALID_INTEGER', message, [{ path, message }]);
}
