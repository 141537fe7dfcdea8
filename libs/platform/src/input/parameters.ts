import { requestError } from '../errors/request-errors';

/**
 * Years a period or date may name. No call-centre record is older than the Unix epoch or centuries
 * ahead; the margin keeps every step taken from such a value (next day, next month, a policy's
 * window, a partition) inside what PostgreSQL, luxon and JS dates hold — 0000-01-01 is not a
 * PostgreSQL date at all, and 9999-12-31 plus a day is year 10000.
 */
export const YEARS = { min: 1970, max: 2999 } as const;

/** PostgreSQL `integer`: the default bound of ids, versions and counts held in such columns. */
export const INT4_MAX = 2_147_483_647;

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DECIMAL = /^-?\d{1,16}$/;

const inYears = (year: number) => year >= YEARS.min && year <= YEARS.max;

function daysIn(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one (UTC, so no zone moves it).
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A month `yyyy-mm` within YEARS. */
export function isPeriodParam(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = PERIOD.exec(value);
  return m !== null && inYears(Number(m[1]));
}

/** A real calendar date `yyyy-mm-dd` within YEARS (2026-02-30 is not one). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  return m !== null && inYears(Number(m[1])) && Number(m[3]) <= daysIn(Number(m[1]), Number(m[2]));
}

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
