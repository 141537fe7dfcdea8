import { DEFAULT_ATTENDANCE_POLICY, type AttendancePolicy } from '../policy/attendance-policy';
import { decidedDayBreaksFullAttendance, leaveBreaksFullAttendance, type DecidedDay } from './full-attendance';

const policy: AttendancePolicy = { ...DEFAULT_ATTENDANCE_POLICY };
const present: DecidedDay = { status: 'present', lateMinutes: 0, earlyLeaveMinutes: 0, excused: false };

describe('leaveBreaksFullAttendance', () => {
  it("follows the leave type's policy flag", () => {
    expect(leaveBreaksFullAttendance(policy, ['annual'])).toBe(false);
    expect(leaveBreaksFullAttendance(policy, ['sick'])).toBe(true);
  });

  it('breaks full attendance for a type the policy does not list (the safe reading for pay)', () => {
    expect(leaveBreaksFullAttendance(policy, ['sabbatical'])).toBe(true);
    const listed = { ...policy, leaveTypes: [...policy.leaveTypes, { code: 'sabbatical', labelZh: '学术假', labelEn: 'sabbatical', paid: true, breaksFullAttendance: false }] };
    expect(leaveBreaksFullAttendance(listed, ['sabbatical'])).toBe(false);
  });

  it('breaks it when any type of the day does (two halves of different types)', () => {
    expect(leaveBreaksFullAttendance(policy, ['annual', 'marriage'])).toBe(false);
    expect(leaveBreaksFullAttendance(policy, ['annual', 'personal'])).toBe(true);
  });
});

describe('decidedDayBreaksFullAttendance', () => {
  it('breaks on unexcused lateness, early leave or absence only', () => {
    expect(decidedDayBreaksFullAttendance(present)).toBe(false);
    expect(decidedDayBreaksFullAttendance({ ...present, lateMinutes: 12 })).toBe(true);
    expect(decidedDayBreaksFullAttendance({ ...present, earlyLeaveMinutes: 5 })).toBe(true);
    expect(decidedDayBreaksFullAttendance({ ...present, status: 'absent' })).toBe(true);
    expect(decidedDayBreaksFullAttendance({ ...present, status: 'absent', excused: true })).toBe(false);
  });

  it('never breaks on an off day or a holiday', () => {
    expect(decidedDayBreaksFullAttendance({ ...present, status: 'off' })).toBe(false);
    expect(decidedDayBreaksFullAttendance({ ...present, status: 'holiday' })).toBe(false);
  });

  it("reads leave, whole or half, by its type's flag; a leave day without the flag breaks it", () => {
    const leave: DecidedDay = { ...present, status: 'leave', leaveType: 'annual' };
    expect(decidedDayBreaksFullAttendance({ ...leave, leaveBreaksFullAttendance: false })).toBe(false);
    expect(decidedDayBreaksFullAttendance({ ...leave, leaveBreaksFullAttendance: true })).toBe(true);
    expect(decidedDayBreaksFullAttendance(leave)).toBe(true);
    expect(decidedDayBreaksFullAttendance({ ...present, leaveType: 'sick', leaveHalfDay: 'pm', leaveBreaksFullAttendance: true })).toBe(true);
  });

  it('decides afresh, whatever flag the day carried before', () => {
    const day = { ...present, lateMinutes: 12, breaksFullAttendance: false } as DecidedDay;
    expect(decidedDayBreaksFullAttendance(day)).toBe(true);
  });
});
