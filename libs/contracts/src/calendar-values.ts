// The calendar values every service takes from outside (months, dates, instants) as pure checks, so a
// service's domain and the platform's request pipeline hold one definition of each.

/**
 * Years a period or date may name. No call-centre record is older than the Unix epoch or centuries
 * ahead; the margin keeps every step taken from such a value (next day, next month, a policy's
 * window, a partition) inside what PostgreSQL, luxon and JS dates hold — 0000-01-01 is not a
 * PostgreSQL date at all, and 9999-12-31 plus a day is year 10000.
 */
export const YEARS = { min: 1970, max: 2999 } as const;

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

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

const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;

/**
 * An ISO-8601 instant with an offset or Z on a real calendar date within YEARS: `Date.parse` alone takes
 * 2026-02-30 (as 2 March) and year 0000, which PostgreSQL and every month after it would then carry.
 */
export function isInstantParam(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = INSTANT.exec(value);
  return m !== null && isCalendarDate(m[1]) && !Number.isNaN(Date.parse(value));
}
