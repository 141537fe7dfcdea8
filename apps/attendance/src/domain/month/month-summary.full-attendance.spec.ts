import type { FullAttendanceDay } from '@app/contracts';
import { FULL_ATTENDANCE_CASES } from '@app/contracts/attendance/full-attendance.cases';
import { summarizeMonth, type ClosedDay } from './month-summary';

/** A contract case's day as the summary reads it from a stored day record. */
function closedDay(d: FullAttendanceDay): ClosedDay {
  const { leaveHalfDay, leaveBreaksFullAttendance, breaksFullAttendance, ...rest } = d;
  return {
    shift: d.status === 'off' ? 'off' : 'morning', missedClockOut: false, version: 1, ...rest,
    ...(leaveHalfDay ? { leaveHalfDay: leaveHalfDay === 'pm' ? 'pm' : 'am' } : {}),
    ...(leaveBreaksFullAttendance === undefined || leaveBreaksFullAttendance === null ? {} : { leaveBreaksFullAttendance }),
    ...(breaksFullAttendance === undefined || breaksFullAttendance === null ? {} : { breaksFullAttendance }),
  };
}

// The one table of full-attendance cases (libs/contracts full-attendance.cases.ts), which scoring's tally runs too:
// HR's month summary and the pay line cannot disagree.
describe('summarizeMonth: full attendance 全勤 by the contract cases', () => {
  it.each(FULL_ATTENDANCE_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const s = summarizeMonth(c.days.map(closedDay), []);
    expect({ fullAttendance: s.fullAttendance, brokenBy: s.records.fullAttendanceBrokenBy }).toEqual({ fullAttendance: c.fullAttendance, brokenBy: c.brokenBy });
  });
});
