import type { DayStatus } from './day-closed.event';

/**
 * Full attendance 全勤 — the one definition (issue 16 item 12). No seed defines it (rules.md §11); attendance owns
 * leave types and days, so it decides each day's flag and publishes it on `attendance.day.closed`
 * (`breaksFullAttendance`). HR's month summary and scoring's pay line both read the month through this function,
 * so they cannot disagree. Plain TypeScript: it is part of the published contract, not of either service.
 */
export interface FullAttendanceDay {
  date: string;
  status: DayStatus;
  lateMinutes: number;
  earlyLeaveMinutes: number;
  excused: boolean;
  leaveType?: string;
  leaveHalfDay?: 'am' | 'pm' | boolean | null;
  /** The leave type's own flag (attendance policy); a leave day without it breaks full attendance. */
  leaveBreaksFullAttendance?: boolean | null;
  /** The day's published answer; days published before it existed are decided from the fields above. */
  breaksFullAttendance?: boolean | null;
}

/**
 * A day breaks full attendance when it has unexcused lateness, early leave or absence, or leave of a type that
 * breaks it (a leave without a type's flag breaks it: the safe reading for pay). Off days and holidays never do.
 */
export function dayBreaksFullAttendance(day: FullAttendanceDay): boolean {
  if (day.breaksFullAttendance !== undefined && day.breaksFullAttendance !== null) return day.breaksFullAttendance;
  if (day.status === 'off' || day.status === 'holiday') return false;
  if ((day.lateMinutes > 0 || day.earlyLeaveMinutes > 0 || day.status === 'absent') && !day.excused) return true;
  // A half day of leave is published as a worked day carrying the leave: its type decides as for a whole day.
  const onLeave = day.status === 'leave' || !!day.leaveType || !!day.leaveHalfDay;
  return onLeave && day.leaveBreaksFullAttendance !== false;
}

/** A day on which the person worked: present, or the worked half of a half-day leave. */
export function dayWorked(day: FullAttendanceDay): boolean {
  return day.status === 'present' || (day.status === 'leave' && !!day.leaveHalfDay);
}

export interface FullAttendanceAnswer {
  fullAttendance: boolean;
  /** Dates that broke it, in date order. */
  brokenBy: string[];
  /** Days worked: a month with none (all leave, or nothing rostered) is not full attendance. */
  workedDays: number;
}

/**
 * The month's full attendance from its days (off days are ignored). `plainWorkedDays` counts worked days left out
 * of `days` (a reader that keeps only the days carrying something passes the plain present days' number).
 */
export function monthFullAttendance(days: readonly FullAttendanceDay[], plainWorkedDays = 0): FullAttendanceAnswer {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const brokenBy = sorted.filter(dayBreaksFullAttendance).map((d) => d.date);
  const workedDays = sorted.filter(dayWorked).length + plainWorkedDays;
  return { fullAttendance: workedDays > 0 && brokenBy.length === 0, brokenBy, workedDays };
}
