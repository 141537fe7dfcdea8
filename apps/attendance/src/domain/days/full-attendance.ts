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
  // The contract's fields named one by one (the type makes a new one a compile error here): spreading a whole
  // decision, reasons and all, for every day of a close showed in its profile.
  const read = {
    date: '', status: day.status, lateMinutes: day.lateMinutes, earlyLeaveMinutes: day.earlyLeaveMinutes, excused: day.excused,
    leaveType: day.leaveType, leaveHalfDay: day.leaveHalfDay, leaveBreaksFullAttendance: day.leaveBreaksFullAttendance, breaksFullAttendance: null,
  } satisfies Record<keyof FullAttendanceDay, unknown>;
  // An undefined field reads as an absent one there (a decision without leave carries `leaveType: undefined`).
  return dayBreaksFullAttendance(read as FullAttendanceDay);
}
