import type { CallFacts, CallLegFacts } from './call-facts';

/**
 * One home for each rule other layers ask about. The store computes its columns (`open`,
 * `ringing_since`) with these at save time, so its SQL compares columns and never restates a rule.
 */

/** A call is open until it ended, was abandoned or was closed by the call timeout. */
export const isCallOpen = (f: Pick<CallFacts, 'endedAt' | 'abandoned' | 'closedByTimeout'>): boolean =>
  f.endedAt === null && f.abandoned === null && !f.closedByTimeout;

/** A leg is still ringing when it was offered and has been neither answered, missed nor ended. */
export const isLegRinging = (l: Pick<CallLegFacts, 'offeredAt' | 'answeredAt' | 'endedAt' | 'missed'>): boolean =>
  l.offeredAt !== null && l.answeredAt === null && l.endedAt === null && !l.missed;

/** When the longest-ringing leg of an open call began ringing; null when none rings. */
export function ringingSince(f: CallFacts): number | null {
  if (!isCallOpen(f)) return null;
  const offers = f.legs.filter(isLegRinging).map((l) => l.offeredAt as number);
  return offers.length === 0 ? null : Math.min(...offers);
}
