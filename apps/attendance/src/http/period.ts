import { parsePeriod } from '@app/platform';
import { periodRange } from '../domain/days/local-time';

/** A `period` query parameter (yyyy-mm, the platform's years) → its first and last date, or 400 REQUEST.INVALID_PERIOD naming it. */
export function periodParam(period: unknown): { period: string; from: string; to: string } {
  const month = parsePeriod(period);
  return { period: month, ...periodRange(month) };
}
