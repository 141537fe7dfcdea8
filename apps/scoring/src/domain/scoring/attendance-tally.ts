import { monthFullAttendance } from '@app/contracts';
import type { DayInput } from './month-inputs';

/** The month's attendance counts. Excused lateness, early leave or absence carries no deduction. */
export interface AttendanceTally {
  late: DayInput[];
  early: DayInput[];
  absent: DayInput[];
  unexcusedAbsent: DayInput[];
  leaveDays: number;
  /** 全勤, as attendance decides it (libs/contracts full-attendance.ts), and the days that broke it. */
  fullAttendance: boolean;
  fullAttendanceBrokenBy: string[];
}

export function leaveWeight(day: DayInput): number {
  return day.status === 'leave' ? (day.leaveHalfDay ? 0.5 : 1) : 0;
}

/** The days that cost deduction points: unexcused lateness, early leave and absence. */
export function deductibleDays(days: readonly DayInput[]): Pick<AttendanceTally, 'late' | 'early' | 'unexcusedAbsent'> {
  return {
    late: days.filter((d) => d.lateMinutes > 0 && !d.excused),
    early: days.filter((d) => d.earlyLeaveMinutes > 0 && !d.excused),
    unexcusedAbsent: days.filter((d) => d.status === 'absent' && !d.excused),
  };
}

/** `days`: the month's days that carry something; `plainWorkedDays`: the plain present days it leaves out. */
export function tallyAttendance(days: DayInput[], plainWorkedDays: number): AttendanceTally {
  const full = monthFullAttendance(days, plainWorkedDays);
  return {
    ...deductibleDays(days),
    absent: days.filter((d) => d.status === 'absent'),
    leaveDays: days.reduce((s, d) => s + leaveWeight(d), 0),
    fullAttendance: full.fullAttendance,
    fullAttendanceBrokenBy: full.brokenBy,
  };
}
