import { DateTime } from 'luxon';

export type ReportWindow = { from: number; to: number };
export type WindowProblem = { problem: 'bad-instant'; path: 'from' | 'to' } | { problem: 'not-after' } | { problem: 'too-long'; maxDays: number };

/** A bare date is local midnight in the policy's zone; an instant must carry its offset. */
function instant(value: string, zone: string): number | null {
  const bareDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const dt = bareDate ? DateTime.fromISO(value, { zone }) : DateTime.fromISO(value, { setZone: true });
  if (!dt.isValid || (!bareDate && !/(Z|[+-]\d{2}:?\d{2})$/.test(value))) return null;
  return dt.toMillis();
}

/** The half-open window [from, to) of a report, or why it cannot be one. */
export function reportWindow(fromText: string, toText: string, zone: string, maxDays: number): ReportWindow | WindowProblem {
  const from = instant(fromText, zone);
  if (from === null) return { problem: 'bad-instant', path: 'from' };
  const to = instant(toText, zone);
  if (to === null) return { problem: 'bad-instant', path: 'to' };
  if (to <= from) return { problem: 'not-after' };
  if (to - from > maxDays * 86_400_000) return { problem: 'too-long', maxDays };
  return { from, to };
}

/** An instant as ISO-8601 with the zone's offset (e.g. 2026-10-05T00:00:00.000+08:00). */
export const localIso = (ms: number, zone: string): string => DateTime.fromMillis(ms, { zone }).toISO() as string;
