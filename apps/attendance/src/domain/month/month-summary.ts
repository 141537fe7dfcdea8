import { monthFullAttendance, type DayClosedEvent } from '@app/contracts';

export type ClosedDay = Pick<
  DayClosedEvent,
  'date' | 'shift' | 'status' | 'lateMinutes' | 'earlyLeaveMinutes' | 'leaveType' | 'leaveHalfDay' | 'leaveBreaksFullAttendance' | 'breaksFullAttendance' | 'excused' | 'missedClockOut' | 'version'
>;

export interface MonthSummary {
  rosteredDays: number;
  worked: number;
  lateCount: number;
  lateMinutes: number;
  earlyLeaveCount: number;
  earlyLeaveMinutes: number;
  absences: number;
  missedClockOuts: number;
  /** Leave days by type; half a day counts 0.5. */
  leaveDays: Record<string, number>;
  holidays: number;
  /**
   * 全勤, by the contract's monthFullAttendance (libs/contracts full-attendance.ts, the reading scoring's pay line
   * uses too): at least one day worked, and no day breaking it (each day's published `breaksFullAttendance`).
   */
  fullAttendance: boolean;
  /** Days absent or on full-day leave in the counting window (rules.md §6, §11). */
  daysAwayInWindow: number;
  /** For every figure, the dates behind it. */
  records: Record<'rostered' | 'worked' | 'late' | 'earlyLeave' | 'absent' | 'leave' | 'holiday' | 'missedClockOut' | 'fullAttendanceBrokenBy' | 'away', string[]>;
}

const isAway = (d: ClosedDay) => d.status === 'absent' || (d.status === 'leave' && !d.leaveHalfDay);

/** A month of closed days (one record per date, its latest version) and the window's days → the summary. */
export function summarizeMonth(days: ClosedDay[], windowDays: ClosedDay[]): MonthSummary {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const rostered = sorted.filter((d) => d.status !== 'off');
  const dates = (pred: (d: ClosedDay) => boolean) => rostered.filter(pred).map((d) => d.date);
  const late = rostered.filter((d) => d.lateMinutes > 0 && !d.excused);
  const early = rostered.filter((d) => d.earlyLeaveMinutes > 0 && !d.excused);
  const absent = rostered.filter((d) => d.status === 'absent' && !d.excused);
  const leaveDays: Record<string, number> = {};
  for (const d of rostered) if (d.leaveType) leaveDays[d.leaveType] = (leaveDays[d.leaveType] ?? 0) + (d.leaveHalfDay ? 0.5 : 1);
  const full = monthFullAttendance(rostered);
  const away = windowDays.filter(isAway).map((d) => d.date).sort();
  return {
    rosteredDays: rostered.length,
    worked: dates((d) => d.status === 'present').length,
    lateCount: late.length,
    lateMinutes: late.reduce((s, d) => s + d.lateMinutes, 0),
    earlyLeaveCount: early.length,
    earlyLeaveMinutes: early.reduce((s, d) => s + d.earlyLeaveMinutes, 0),
    absences: absent.length,
    missedClockOuts: dates((d) => d.missedClockOut === true).length,
    leaveDays,
    holidays: dates((d) => d.status === 'holiday').length,
    fullAttendance: full.fullAttendance,
    daysAwayInWindow: away.length,
    records: {
      rostered: rostered.map((d) => d.date),
      worked: dates((d) => d.status === 'present'),
      late: late.map((d) => d.date),
      earlyLeave: early.map((d) => d.date),
      absent: absent.map((d) => d.date),
      leave: dates((d) => d.leaveType !== undefined),
      holiday: dates((d) => d.status === 'holiday'),
      missedClockOut: dates((d) => d.missedClockOut === true),
      fullAttendanceBrokenBy: full.brokenBy,
      away,
    },
  };
}
