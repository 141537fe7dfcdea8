import type { FullAttendanceDay } from './full-attendance';

/**
 * The one table of full-attendance cases (issue 16 item 12). Attendance's month summary and scoring's tally both
 * run it (month-summary.spec.ts, attendance-tally.spec.ts), so HR's summary and payroll cannot contradict each other.
 */
export interface FullAttendanceCase {
  name: string;
  days: FullAttendanceDay[];
  fullAttendance: boolean;
  brokenBy: string[];
}

const present = (date: string, extra: Partial<FullAttendanceDay> = {}): FullAttendanceDay => ({ date, status: 'present', lateMinutes: 0, earlyLeaveMinutes: 0, excused: false, ...extra });
const leave = (date: string, type: string, breaks: boolean | undefined, extra: Partial<FullAttendanceDay> = {}): FullAttendanceDay => ({
  date, status: 'leave', lateMinutes: 0, earlyLeaveMinutes: 0, excused: false, leaveType: type, ...(breaks === undefined ? {} : { leaveBreaksFullAttendance: breaks }), ...extra,
});
const off = (date: string): FullAttendanceDay => ({ date, status: 'off', lateMinutes: 0, earlyLeaveMinutes: 0, excused: false });

export const FULL_ATTENDANCE_CASES: FullAttendanceCase[] = [
  { name: 'every rostered day worked on time', days: [present('2026-10-01'), present('2026-10-02'), off('2026-10-03')], fullAttendance: true, brokenBy: [] },
  { name: 'no rostered day at all', days: [off('2026-10-01')], fullAttendance: false, brokenBy: [] },
  { name: 'no day at all', days: [], fullAttendance: false, brokenBy: [] },
  { name: 'all leave of a type that keeps it: no day worked', days: [leave('2026-10-01', 'annual', false), leave('2026-10-02', 'annual', false)], fullAttendance: false, brokenBy: [] },
  { name: 'annual leave beside worked days keeps it', days: [present('2026-10-01'), leave('2026-10-02', 'annual', false)], fullAttendance: true, brokenBy: [] },
  { name: 'sick leave breaks it', days: [present('2026-10-01'), leave('2026-10-02', 'sick', true)], fullAttendance: false, brokenBy: ['2026-10-02'] },
  { name: 'a leave type without the flag breaks it', days: [present('2026-10-01'), leave('2026-10-02', 'unlisted', undefined)], fullAttendance: false, brokenBy: ['2026-10-02'] },
  { name: 'half-day annual leave counts as a worked day', days: [leave('2026-10-02', 'annual', false, { leaveHalfDay: 'am' })], fullAttendance: true, brokenBy: [] },
  { name: 'unexcused lateness breaks it', days: [present('2026-10-01', { lateMinutes: 3 }), present('2026-10-02')], fullAttendance: false, brokenBy: ['2026-10-01'] },
  { name: 'excused lateness keeps it', days: [present('2026-10-01', { lateMinutes: 30, excused: true })], fullAttendance: true, brokenBy: [] },
  { name: 'unexcused early leave breaks it', days: [present('2026-10-01', { earlyLeaveMinutes: 10 })], fullAttendance: false, brokenBy: ['2026-10-01'] },
  {
    name: 'unexcused absence breaks it',
    days: [present('2026-10-01'), { date: '2026-10-02', status: 'absent', lateMinutes: 0, earlyLeaveMinutes: 0, excused: false }],
    fullAttendance: false, brokenBy: ['2026-10-02'],
  },
  {
    name: 'a holiday neither breaks nor counts as worked',
    days: [present('2026-10-01'), { date: '2026-10-02', status: 'holiday', lateMinutes: 0, earlyLeaveMinutes: 0, excused: false }],
    fullAttendance: true, brokenBy: [],
  },
  {
    name: 'a half day of sick leave on a worked day breaks it, even with the lateness excused',
    days: [present('2026-10-01'), present('2026-10-02', { leaveType: 'sick', leaveHalfDay: 'pm', leaveBreaksFullAttendance: true, lateMinutes: 5, excused: true })],
    fullAttendance: false, brokenBy: ['2026-10-02'],
  },
  { name: 'a half day of annual leave on a worked day keeps it', days: [present('2026-10-01', { leaveType: 'annual', leaveHalfDay: 'am', leaveBreaksFullAttendance: false })], fullAttendance: true, brokenBy: [] },
  { name: "the day's published flag is the answer", days: [present('2026-10-01', { breaksFullAttendance: true })], fullAttendance: false, brokenBy: ['2026-10-01'] },
];
