import { dayBreaksFullAttendance, type FullAttendanceDay } from '@app/contracts';
import { leaveTypeOf, type AttendancePolicy } from '../policy/attendance-policy';

/**
 * Full attendance 全勤, attendance's side: the per-day flag published as `breaksFullAttendance` on
 * `attendance.day.closed`. The reading of a day is the contract's (libs/contracts full-attendance.ts), shared with
 * scoring so pay and HR's summary cannot disagree; only the policy's leave types are attendance's to know, so the
 * flag a leave day carries is decided here and nowhere else.
 */

/**
 * Whether leave of these types breaks full attendance. A type the policy does not list breaks it — the contract's
 * safe reading for pay — and one breaking type is enough (a morning and an afternoon of different types).
 */
export function leaveBreaksFullAttendance(policy: AttendancePolicy, types: readonly string[]): boolean {
  return types.some((t) => leaveTypeOf(policy, t)?.breaksFullAttendance !== false);
}

/** A decided day's figures, before its flag exists. */
export type DecidedDay = Omit<FullAttendanceDay, 'date' | 'breaksFullAttendance'>;

/**
 * Whether a decided day breaks full attendance. Any flag already on the day is ignored: the answer is decided
 * afresh from the figures, after corrections and excuses, so a re-close whose answer changed publishes it.
 */
export function decidedDayBreaksFullAttendance(day: DecidedDay): boolean {
  return dayBreaksFullAttendance({ ...day, date: '', breaksFullAttendance: null });
}
