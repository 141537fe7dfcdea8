import { DateTime } from 'luxon';

/**
 * ISO-8601 with an explicit offset or Z: a bare local time would be ambiguous. Years 1970–2999 only, as
 * the platform's YEARS (domain code imports no framework): year 0000 is no PostgreSQL date.
 */
const INSTANT_RE = /^(19[7-9]\d|2\d{3})-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Epoch ms of an ISO instant with offset, or null when it is not one. */
export function parseInstant(s: unknown): number | null {
  if (typeof s !== 'string' || !INSTANT_RE.test(s)) return null;
  const dt = DateTime.fromISO(s, { setZone: true });
  return dt.isValid ? dt.toMillis() : null;
}

/** The instant of a local wall-clock time on a local date; a time in a DST gap moves forward. */
export function localInstant(date: string, time: string, zone: string, plusDays = 0): number {
  const [h, m] = time.split(':').map(Number);
  return DateTime.fromISO(date, { zone }).plus({ days: plusDays }).set({ hour: h, minute: m, second: 0, millisecond: 0 }).toMillis();
}

export function localDateOf(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toISODate()!;
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
}

/** Every date from `from` to `to`, both included. */
export function datesFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export function periodOf(date: string): string {
  return date.slice(0, 7);
}

/** First and last date of a yyyy-mm period. */
export function periodRange(period: string): { from: string; to: string } {
  const start = DateTime.fromISO(`${period}-01`, { zone: 'UTC' });
  return { from: start.toISODate()!, to: start.endOf('month').toISODate()! };
}

/** The `months` periods ending with `period`, oldest first. */
export function periodsEndingWith(period: string, months: number): string[] {
  const start = DateTime.fromISO(`${period}-01`, { zone: 'UTC' });
  return Array.from({ length: months }, (_, i) => start.minus({ months: months - 1 - i }).toFormat('yyyy-MM'));
}

export function isoUtc(at: number): string {
  return new Date(at).toISOString();
}
