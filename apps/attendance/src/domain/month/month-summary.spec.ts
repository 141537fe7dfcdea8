import { summarizeMonth, type ClosedDay } from './month-summary';

const d = (date: string, over: Partial<ClosedDay> = {}): ClosedDay => ({
  date, shift: 'morning', status: 'present', lateMinutes: 0, earlyLeaveMinutes: 0, excused: false, missedClockOut: false, version: 1, ...over,
});

describe('summarizeMonth', () => {
  it('counts the figures and keeps the dates behind each', () => {
    const days = [
      d('2026-10-01', { status: 'holiday' }),
      d('2026-10-02', { lateMinutes: 38 }),
      d('2026-10-03', { earlyLeaveMinutes: 10, excused: true }),
      d('2026-10-04', { status: 'absent' }),
      d('2026-10-05', { status: 'leave', leaveType: 'annual', leaveBreaksFullAttendance: false }),
      d('2026-10-06', { leaveType: 'sick', leaveHalfDay: 'pm', leaveBreaksFullAttendance: true, breaksFullAttendance: true }), // as decideDay publishes it
      d('2026-10-07', { missedClockOut: true }),
    ];
    const s = summarizeMonth(days, [d('2026-08-10', { status: 'absent' }), ...days]);
    expect(s).toMatchObject({
      rosteredDays: 7, worked: 4, lateCount: 1, lateMinutes: 38, earlyLeaveCount: 0, earlyLeaveMinutes: 0, absences: 1, missedClockOuts: 1,
      leaveDays: { annual: 1, sick: 0.5 }, holidays: 1, fullAttendance: false, daysAwayInWindow: 3,
    });
    expect(s.records.fullAttendanceBrokenBy).toEqual(['2026-10-02', '2026-10-04', '2026-10-06']);
    expect(s.records.away).toEqual(['2026-08-10', '2026-10-04', '2026-10-05']);
  });

  it('keeps full attendance with excused lateness and leave that does not break it', () => {
    const s = summarizeMonth([d('2026-10-02', { lateMinutes: 12, excused: true }), d('2026-10-05', { status: 'leave', leaveType: 'annual', leaveBreaksFullAttendance: false })], []);
    expect(s).toMatchObject({ fullAttendance: true, lateCount: 0, leaveDays: { annual: 1 } });
  });

  it('is not full attendance without a day worked: all leave, or nothing rostered', () => {
    const leave = d('2026-10-05', { status: 'leave', leaveType: 'annual', leaveBreaksFullAttendance: false, breaksFullAttendance: false });
    expect(summarizeMonth([leave], [])).toMatchObject({ fullAttendance: false, worked: 0, records: { fullAttendanceBrokenBy: [] } });
    expect(summarizeMonth([d('2026-10-06', { status: 'off', shift: 'off' })], [])).toMatchObject({ fullAttendance: false, rosteredDays: 0 });
    expect(summarizeMonth([], [])).toMatchObject({ fullAttendance: false });
  });

  it('takes each day’s published answer, and reads a day closed before it existed from its figures', () => {
    const sickHalf = { leaveType: 'sick', leaveHalfDay: 'pm' as const, leaveBreaksFullAttendance: true };
    expect(summarizeMonth([d('2026-10-06', { ...sickHalf, breaksFullAttendance: true })], []).records.fullAttendanceBrokenBy).toEqual(['2026-10-06']);
    // Without the flag a half day of leave is read from its leave type's flag, as scoring reads it: sick breaks it.
    expect(summarizeMonth([d('2026-10-06', sickHalf)], []).fullAttendance).toBe(false);
    // A leave without its type's flag breaks it (the old summary kept it).
    expect(summarizeMonth([d('2026-10-05'), d('2026-10-06', { status: 'leave', leaveType: 'unlisted' })], []).records.fullAttendanceBrokenBy).toEqual(['2026-10-06']);
  });
});
