import type { ScoringPolicy } from '../policy/scoring-policy';
import type { DayInput } from './month-inputs';

/** The month's attendance counts. Excused lateness, early leave or absence carries no deduction. */
export interface AttendanceTally {
  late: DayInput[];
  early: DayInput[];
  absent: DayInput[];
  unexcusedAbsent: DayInput[];
  leaveDays: number;
  awayDays: number;
  fullAttendance: boolean;
}

export function leaveWeight(day: DayInput): number {
  return day.status === 'leave' ? (day.leaveHalfDay ? 0.5 : 1) : 0;
}

/** Days away (leave + absence), the measure of the not-appraised rule. */
export function awayWeight(day: DayInput): number {
  return day.status === 'absent' ? 1 : leaveWeight(day);
}

/** `rosteredDays`: full attendance needs at least one rostered day (nobody earns it for a month off the roster). */
export function tallyAttendance(days: DayInput[], rosteredDays: number, policy: ScoringPolicy): AttendanceTally {
  const late = days.filter((d) => d.lateMinutes > 0 && !d.excused);
  const early = days.filter((d) => d.earlyLeaveMinutes > 0 && !d.excused);
  const absent = days.filter((d) => d.status === 'absent');
  const unexcusedAbsent = absent.filter((d) => !d.excused);
  const leaveDays = days.reduce((s, d) => s + leaveWeight(d), 0);
  const breakingLeave = days.some((d) => d.status === 'leave' && (d.leaveBreaksFullAttendance ?? policy.fullAttendance.leaveBreaksByDefault));
  return {
    late,
    early,
    absent,
    unexcusedAbsent,
    leaveDays,
    awayDays: leaveDays + absent.length,
    fullAttendance: rosteredDays > 0 && late.length === 0 && early.length === 0 && unexcusedAbsent.length === 0 && !breakingLeave,
  };
}
