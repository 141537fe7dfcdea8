export type LeaveStatus = 'requested' | 'approved' | 'rejected';
export type HalfDay = 'am' | 'pm';

/** Leave in these statuses holds its days; a refused (rejected) one frees them. */
export const STANDING_LEAVE_STATUSES: LeaveStatus[] = ['requested', 'approved'];

/** What a leave request asks for; a half day is always a single date (from = to). */
export interface LeaveAsk {
  agentId: string;
  type: string;
  from: string;
  to: string;
  halfDay?: HalfDay | null;
}

export interface StandingLeave extends LeaveAsk {
  leaveId: string;
  status: LeaveStatus;
}

/** Which existing leave a request meets: the same one asked again, or another it would double-book. */
export type LeaveClash<L extends StandingLeave> =
  | { kind: 'same'; leave: L }
  | { kind: 'overlaps'; leave: L; path: 'from' | 'to' };

/** Any day in common, except that am and pm are the two halves of a date and may each be taken on its own. */
export function leavesOverlap(a: LeaveAsk, b: LeaveAsk): boolean {
  if (a.from > b.to || b.from > a.to) return false;
  return !(a.halfDay && b.halfDay && a.halfDay !== b.halfDay);
}

export function isSameLeave(a: LeaveAsk, b: LeaveAsk): boolean {
  return a.agentId === b.agentId && a.type === b.type && a.from === b.from && a.to === b.to && (a.halfDay ?? null) === (b.halfDay ?? null);
}

/**
 * A retried request (after a timeout, a double click) must answer with the leave it already made, never
 * file a second one; any other request sharing a day with standing leave would spend those days twice.
 * The same leave wins over an overlap so the retry is recognised whatever else is on file.
 */
export function findLeaveClash<L extends StandingLeave>(ask: LeaveAsk, existing: L[]): LeaveClash<L> | null {
  const standing = existing.filter((l) => l.agentId === ask.agentId && STANDING_LEAVE_STATUSES.includes(l.status));
  const same = standing.find((l) => isSameLeave(l, ask));
  if (same) return { kind: 'same', leave: same };
  const other = standing.find((l) => leavesOverlap(l, ask));
  if (!other) return null;
  // Point at the end of the request that reaches into the other leave.
  return { kind: 'overlaps', leave: other, path: other.from <= ask.from && ask.from <= other.to ? 'from' : 'to' };
}
