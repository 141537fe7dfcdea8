import { DateTime } from 'luxon';

// Anchored, no nested quantifiers: linear time on any input.
const WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)$/;
const WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d{1,9})?)?$/;

export type IsoInstantProblem = 'not-a-string' | 'no-offset' | 'malformed';

/** Why a timestamp is not an unambiguous instant, or null when it is one. */
export function isoInstantProblem(value: unknown): IsoInstantProblem | null {
  if (typeof value !== 'string') return 'not-a-string';
  if (WITH_OFFSET.test(value)) return toEpochMs(value) === null ? 'malformed' : null;
  return WITHOUT_OFFSET.test(value) ? 'no-offset' : 'malformed';
}

/**
 * Epoch ms of an ISO-8601 instant with offset; null for calendar-impossible dates (Feb 30).
 * Hot path of ingestion: Date.parse is ~25× faster than luxon but accepts Feb 30 (as Mar 2), so
 * the calendar is checked here first; forms Date.parse does not read fall back to luxon.
 */
export function toEpochMs(iso: string): number | null {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m))) return null;
  let text = iso.includes(',') ? iso.replace(',', '.') : iso;
  if (/[+-]\d{2}$/.test(text)) text += ':00'; // "+08" → "+08:00"
  const ms = Date.parse(text);
  if (!Number.isNaN(ms)) return ms;
  const parsed = DateTime.fromISO(iso, { setZone: true });
  return parsed.isValid ? parsed.toMillis() : null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The instant as an ISO string in UTC with millisecond precision. */
export function toIsoUtc(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
