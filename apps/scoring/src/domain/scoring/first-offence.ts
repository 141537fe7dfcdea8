import { DateTime } from 'luxon';

/**
 * 以上初犯者予以警告: an occurrence is a first offence (a recorded warning at 0 yuan) when no earlier
 * occurrence of the same kind lies within `windowMonths` before it. Given one kind's occurrences in
 * time order and the latest one before them (if any), it only needs the one just before each: O(n).
 */
export function firstOffenceFlags(sortedInstants: readonly string[], priorAt: string | null, windowMonths: number): boolean[] {
  // Any span of n calendar months is at least 28·n days: a closer previous one is inside the window
  // without asking the calendar (most of a month's occurrences, in a month with many).
  const surelyInside = windowMonths * 28 * DAY_MS;
  let previous = priorAt;
  return sortedInstants.map((at) => {
    const atMs = Date.parse(at);
    const prevMs = previous === null ? null : Date.parse(previous);
    const first = prevMs === null || (atMs - prevMs > surelyInside && prevMs < DateTime.fromMillis(atMs, { zone: 'utc' }).minus({ months: windowMonths }).toMillis());
    previous = at;
    return first;
  });
}

const DAY_MS = 86_400_000;

/** The latest instant strictly before `at`, or null. */
export function latestBefore(instants: readonly string[], at: string): string | null {
  const t = Date.parse(at);
  let best: string | null = null;
  for (const i of instants) if (Date.parse(i) < t && (best === null || Date.parse(i) > Date.parse(best))) best = i;
  return best;
}
