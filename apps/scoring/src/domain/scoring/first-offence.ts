import { DateTime } from 'luxon';

/**
 * 以上初犯者予以警告: an occurrence is a first offence (a recorded warning at 0 yuan) when no earlier
 * occurrence of the same kind lies within `windowMonths` before it. `earlier` may hold any instants;
 * only those strictly before `at` and inside the window count.
 */
export function isFirstOffence(at: string, earlier: readonly string[], windowMonths: number): boolean {
  const t = DateTime.fromISO(at, { zone: 'utc' });
  const from = t.minus({ months: windowMonths }).toMillis();
  const atMs = t.toMillis();
  return !earlier.some((e) => {
    const ms = DateTime.fromISO(e, { zone: 'utc' }).toMillis();
    return ms < atMs && ms >= from;
  });
}
