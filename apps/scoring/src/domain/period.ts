import { DateTime } from 'luxon';

/** A scoring period is a calendar month `yyyy-mm` in the policy's time zone. */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isPeriod(value: unknown): value is string {
  return typeof value === 'string' && PERIOD_PATTERN.test(value);
}

function startOf(period: string, zone: string): DateTime {
  const [year, month] = period.split('-').map(Number);
  return DateTime.fromObject({ year, month, day: 1 }, { zone });
}

/** The month as UTC instants [from, to). */
export function periodWindow(period: string, zone: string): { from: Date; to: Date } {
  const start = startOf(period, zone);
  return { from: start.toUTC().toJSDate(), to: start.plus({ months: 1 }).toUTC().toJSDate() };
}

export function addMonths(period: string, months: number): string {
  return startOf(period, 'UTC').plus({ months }).toFormat('yyyy-MM');
}

/** The period an instant belongs to, read in the policy's time zone. */
export function periodOfInstant(instant: string | Date, zone: string): string {
  const dt = typeof instant === 'string' ? DateTime.fromISO(instant, { zone: 'utc' }) : DateTime.fromJSDate(instant);
  return dt.setZone(zone).toFormat('yyyy-MM');
}

/** The period of a local date `yyyy-mm-dd`. */
export function periodOfDate(date: string): string {
  return date.slice(0, 7);
}

export function quarterOf(period: string): string {
  const [year, month] = period.split('-').map(Number);
  return `${year}-Q${Math.ceil(month / 3)}`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The local date `yyyy-mm-dd` of an instant in the zone, for reason lines. A month can hold
 * hundreds of thousands of lines: one cached Intl formatter per zone (the platform's tz database)
 * is far cheaper than a DateTime per line.
 */
export function localDate(instant: string, zone: string): string {
  let f = dateFormats.get(zone);
  if (!f) dateFormats.set(zone, (f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(new Date(instant));
}

/** The period that is current at `now` in the zone, and the day of month there. */
export function localNow(now: Date, zone: string): { period: string; day: number } {
  const dt = DateTime.fromJSDate(now).setZone(zone);
  return { period: dt.toFormat('yyyy-MM'), day: dt.day };
}
