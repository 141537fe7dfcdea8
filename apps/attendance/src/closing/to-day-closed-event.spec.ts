import { DEFAULT_ATTENDANCE_POLICY, type AttendancePolicy } from '../domain/policy/attendance-policy';
import { decideDay, type DayInput } from '../domain/days/decide-day';
import { DEFAULT_SHIFT_TYPES, shiftSpan } from '../domain/days/shift-type';
import { decisionHash, toDayClosedEvent } from './to-day-closed-event';

const policy: AttendancePolicy = { ...DEFAULT_ATTENDANCE_POLICY };
const [morning] = DEFAULT_SHIFT_TYPES;
const day = (over: Partial<DayInput> = {}): DayInput => ({ shift: 'morning', span: shiftSpan('2026-10-05', morning, policy), punches: [], ...over });
const key = { agentId: 'A1', date: '2026-10-05', shift: 'morning' };

describe('the published day and its decision hash', () => {
  it('carries breaksFullAttendance on every day, leave or not', () => {
    const sick = decideDay(day({ leave: { type: 'sick', breaksFullAttendance: true } }), policy);
    const annual = decideDay(day({ leave: { type: 'annual', breaksFullAttendance: false } }), policy);
    const absent = decideDay(day(), policy);
    expect(toDayClosedEvent(key, sick, 1, 'closed', 0)).toMatchObject({ status: 'leave', leaveType: 'sick', leaveBreaksFullAttendance: true, breaksFullAttendance: true });
    expect(toDayClosedEvent(key, annual, 1, 'closed', 0)).toMatchObject({ status: 'leave', leaveType: 'annual', leaveBreaksFullAttendance: false, breaksFullAttendance: false });
    expect(toDayClosedEvent(key, absent, 1, 'closed', 0)).toMatchObject({ status: 'absent', breaksFullAttendance: true });
  });

  it('changes when the day’s full-attendance answer changes, so a re-close publishes the next version', () => {
    const annual = (breaks: boolean) => decideDay(day({ leave: { type: 'annual', breaksFullAttendance: breaks } }), policy);
    expect(decisionHash('morning', annual(false))).toBe(decisionHash('morning', annual(false)));
    // The policy now says annual leave breaks it: the same leave, another answer, another hash.
    expect(annual(true).breaksFullAttendance).toBe(true);
    expect(decisionHash('morning', annual(true))).not.toBe(decisionHash('morning', annual(false)));
    // The flag alone is part of what is compared.
    const d = annual(false);
    expect(decisionHash('morning', { ...d, breaksFullAttendance: true })).not.toBe(decisionHash('morning', d));
  });
});
