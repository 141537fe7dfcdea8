import { invalid } from '../attendance.errors';
import { isPeriod, periodRange } from '../domain/local-time';

/** A `period` query parameter (yyyy-mm) → its first and last date, or a 400 naming the parameter. */
export function periodParam(period: unknown): { period: string; from: string; to: string } {
  if (!isPeriod(period)) throw invalid([{ path: 'period', message: 'a month yyyy-mm' }]);
  return { period, ...periodRange(period) };
}
