import { DEFAULT_ATTENDANCE_POLICY, type AttendancePolicy } from '../policy/attendance-policy';
import { punchesOf, type ClockPunch } from './attribute-clock-events';
import { decideDay, type DayInput } from './decide-day';
import { DEFAULT_SHIFT_TYPES, shiftSpan, type ShiftType } from './shift-type';

const policy: AttendancePolicy = { ...DEFAULT_ATTENDANCE_POLICY };
const morning = DEFAULT_SHIFT_TYPES[0];
const night: ShiftType = { code: 'night', nameZh: '夜班', nameEn: 'night', start: '22:00', end: '06:00' };
const at = (iso: string) => Date.parse(iso);
let n = 0;
const punch = (type: 'in' | 'out', iso: string): ClockPunch => ({ eventId: `p${n++}`, type, at: at(iso) });
const day = (date: string, punches: ClockPunch[], over: Partial<DayInput> = {}, type = morning, p = policy): DayInput => ({
  shift: type.code, span: shiftSpan(date, type, p), punches, ...over,
});

describe('decideDay', () => {
  it('lets a clock-in within the grace pass, and counts every minute from the start beyond it', () => {
    const inGrace = decideDay(day('2026-10-05', [punch('in', '2026-10-05T08:05:00+08:00'), punch('out', '2026-10-05T15:30:00+08:00')]), policy);
    expect(inGrace).toMatchObject({ status: 'present', lateMinutes: 0, earlyLeaveMinutes: 0, workedMinutes: 445 });
    const late = decideDay(day('2026-10-05', [punch('in', '2026-10-05T08:38:00+08:00'), punch('out', '2026-10-05T15:30:00+08:00')]), policy);
    expect(late).toMatchObject({ status: 'present', lateMinutes: 38 });
    expect(late.reasons).toEqual([{ code: 'LATE', zh: '迟到 38 分钟', en: 'late 38 min' }]);
    const early = decideDay(day('2026-10-05', [punch('in', '2026-10-05T07:50:00+08:00'), punch('out', '2026-10-05T15:20:00+08:00')]), policy);
    expect(early).toMatchObject({ lateMinutes: 0, earlyLeaveMinutes: 10, reasons: [{ code: 'EARLY_LEAVE', zh: '早退 10 分钟', en: 'left early 10 min' }] });
    const perType = decideDay(day('2026-10-05', [punch('in', '2026-10-05T08:08:00+08:00'), punch('out', '2026-10-05T15:30:00+08:00')], {}, { ...morning, lateGraceMinutes: 10 }), policy);
    expect(perType.lateMinutes).toBe(0);
  });

  it('flags a missing clock-out without guessing it, and takes the first in and the last out', () => {
    const d = decideDay(day('2026-10-05', [punch('in', '2026-10-05T08:10:00+08:00'), punch('in', '2026-10-05T07:58:00+08:00')]), policy);
    expect(d).toMatchObject({ status: 'present', lateMinutes: 0, earlyLeaveMinutes: 0, missedClockOut: true, clockOut: null, clockIn: at('2026-10-04T23:58:00Z') });
    const twoOuts = decideDay(day('2026-10-05', [punch('out', '2026-10-05T15:40:00+08:00'), punch('in', '2026-10-05T08:00:00+08:00'), punch('out', '2026-10-05T12:00:00+08:00')]), policy);
    expect(twoOuts).toMatchObject({ earlyLeaveMinutes: 0, clockOut: at('2026-10-05T07:40:00Z') });
  });

  it('is absent with no clock at all, or with less worked time than the policy threshold; half a day is flagged', () => {
    expect(decideDay(day('2026-10-05', []), policy)).toMatchObject({ status: 'absent', reasons: [{ code: 'NO_CLOCK' }] });
    const short = decideDay(day('2026-10-05', [punch('in', '2026-10-05T08:00:00+08:00'), punch('out', '2026-10-05T09:30:00+08:00')]), policy);
    expect(short).toMatchObject({ status: 'absent', workedMinutes: 90, lateMinutes: 0, earlyLeaveMinutes: 0 });
    const half = decideDay(day('2026-10-05', [punch('in', '2026-10-05T08:00:00+08:00'), punch('out', '2026-10-05T11:00:00+08:00')]), policy);
    expect(half).toMatchObject({ status: 'present', halfDayWorked: true, earlyLeaveMinutes: 270 });
  });

  it('puts leave, half-day leave and holidays before the clock; leave on a swap day is absence', () => {
    const leave = { type: 'sick', breaksFullAttendance: true };
    expect(decideDay(day('2026-10-05', [], { leave }), policy)).toMatchObject({ status: 'leave', leaveType: 'sick', leaveBreaksFullAttendance: true });
    const am = decideDay(day('2026-10-05', [punch('in', '2026-10-05T11:45:00+08:00'), punch('out', '2026-10-05T15:30:00+08:00')], { leave: { ...leave, halfDay: 'am' } }), policy);
    expect(am).toMatchObject({ status: 'present', lateMinutes: 0, leaveHalfDay: 'am', halfDayWorked: false }); // middle of 08:00–15:30 is 11:45
    expect(decideDay(day('2026-10-01', [], { holiday: { name: '国庆节', onDuty: false } }), policy)).toMatchObject({ status: 'holiday' });
    expect(decideDay(day('2026-10-01', [], { holiday: { name: '国庆节', onDuty: true } }), policy)).toMatchObject({ status: 'absent' });
    const onSwap = decideDay(day('2026-10-05', [], { leave, swapId: 'sw1' }), policy);
    expect(onSwap).toMatchObject({ status: 'absent', swapId: 'sw1', violation: 'ATTENDANCE.LEAVE_ON_SWAP_DAY' });
    expect(decideDay(day('2026-10-05', [], { swapId: 'sw1' }), policy)).toMatchObject({ status: 'absent', violation: 'ATTENDANCE.ABSENT_ON_SWAP_DAY' });
  });

  it('decides whether the day breaks full attendance 全勤 by the contract, after corrections and excuses', () => {
    const inOut = (i: string, o: string) => [punch('in', `2026-10-05T${i}:00+08:00`), punch('out', `2026-10-05T${o}:00+08:00`)];
    const breaks = (input: DayInput) => decideDay(input, policy).breaksFullAttendance;
    expect(breaks(day('2026-10-05', inOut('08:00', '15:30')))).toBe(false);
    expect(breaks(day('2026-10-05', inOut('08:20', '15:30')))).toBe(true); // late
    expect(breaks(day('2026-10-05', inOut('08:20', '15:30'), { override: { excused: true, reason: '交通管制' } }))).toBe(false);
    expect(breaks(day('2026-10-05', []))).toBe(true); // absent
    expect(breaks(day('2026-10-05', [], { leave: { type: 'sick', breaksFullAttendance: true } }))).toBe(true);
    expect(breaks(day('2026-10-05', [], { leave: { type: 'annual', breaksFullAttendance: false } }))).toBe(false);
    // Half a day of leave: published as its worked half (present), read as leave of its type.
    expect(breaks(day('2026-10-05', inOut('11:45', '15:30'), { leave: { type: 'sick', breaksFullAttendance: true, halfDay: 'am' } }))).toBe(true);
    expect(breaks(day('2026-10-05', inOut('11:45', '15:30'), { leave: { type: 'annual', breaksFullAttendance: false, halfDay: 'am' } }))).toBe(false);
    expect(breaks(day('2026-10-05', inOut('12:30', '15:30'), { leave: { type: 'annual', breaksFullAttendance: false, halfDay: 'am' } }))).toBe(true); // late after it
    expect(breaks(day('2026-10-05', [], { leave: { type: 'annual', breaksFullAttendance: false }, swapId: 'sw1' }))).toBe(true); // leave on a swap day is absence
    expect(breaks(day('2026-10-01', [], { holiday: { name: '国庆节', onDuty: false } }))).toBe(false);
    expect(breaks({ shift: 'off', span: null, punches: [] })).toBe(false);
  });

  it('applies a correction over the clock, and an excused day keeps its minutes but is marked', () => {
    const d = day('2026-10-05', [punch('in', '2026-10-05T09:00:00+08:00'), punch('out', '2026-10-05T15:30:00+08:00')], {
      override: { in: at('2026-10-05T08:00:00+08:00'), reason: '打卡机故障' },
    });
    expect(decideDay(d, policy)).toMatchObject({ lateMinutes: 0, clockIn: at('2026-10-05T00:00:00Z') });
    const excused = decideDay({ ...d, override: { excused: true, reason: '交通管制' } }, policy);
    expect(excused).toMatchObject({ lateMinutes: 60, excused: true });
    expect(decideDay({ ...d, override: { status: 'absent', reason: '未到岗' } }, policy)).toMatchObject({ status: 'absent', lateMinutes: 0 });
  });

  it('keeps an overnight shift on the date it began, across midnight and the month end (Asia/Shanghai)', () => {
    const span = shiftSpan('2026-10-31', night, policy);
    expect([span.startAt, span.endAt]).toEqual([at('2026-10-31T14:00:00Z'), at('2026-10-31T22:00:00Z')]);
    const d = decideDay(day('2026-10-31', [punch('in', '2026-10-31T22:03:00+08:00'), punch('out', '2026-11-01T05:52:00+08:00')], {}, night), policy);
    expect(d).toMatchObject({ status: 'present', lateMinutes: 0, earlyLeaveMinutes: 8, workedMinutes: 469 });
  });

  it('measures night shifts on the DST change days by the real clock (Europe/Berlin)', () => {
    const berlin = { ...policy, timeZone: 'Europe/Berlin' };
    const spring = shiftSpan('2026-03-28', night, berlin); // clocks jump 02:00 → 03:00 on the 29th
    expect([spring.startAt, spring.endAt]).toEqual([at('2026-03-28T21:00:00Z'), at('2026-03-29T04:00:00Z')]);
    const autumn = shiftSpan('2026-10-24', night, berlin); // clocks fall back 03:00 → 02:00 on the 25th
    expect([autumn.startAt, autumn.endAt]).toEqual([at('2026-10-24T20:00:00Z'), at('2026-10-25T05:00:00Z')]);
    const worked = (date: string, inIso: string, outIso: string) =>
      decideDay(day(date, [punch('in', inIso), punch('out', outIso)], {}, night, berlin), berlin);
    expect(worked('2026-03-28', '2026-03-28T22:00:00+01:00', '2026-03-29T06:00:00+02:00')).toMatchObject({ workedMinutes: 420, earlyLeaveMinutes: 0, lateMinutes: 0 });
    expect(worked('2026-10-24', '2026-10-24T22:00:00+02:00', '2026-10-25T06:00:00+01:00')).toMatchObject({ workedMinutes: 540, earlyLeaveMinutes: 0 });
    // Leaving at 05:00 local after the autumn change is an hour early, not two.
    expect(worked('2026-10-24', '2026-10-24T22:00:00+02:00', '2026-10-25T05:00:00+01:00')).toMatchObject({ earlyLeaveMinutes: 60 });
    // A shift type that starts inside the spring gap (02:30 does not exist) starts at 03:30 CEST.
    const gap = shiftSpan('2026-03-29', { ...night, code: 'gap', start: '02:30', end: '10:00' }, berlin);
    expect(gap.startAt).toBe(at('2026-03-29T01:30:00Z'));
  });
});

describe('punchesOf', () => {
  it('gives a punch in two windows to the shift it is nearest to', () => {
    const nightSpan = shiftSpan('2026-10-04', night, policy); // 22:00 → 06:00, window until 10:00
    const morningSpan = shiftSpan('2026-10-05', morning, policy); // 08:00 → 15:30, window from 06:00
    const punches = [punch('out', '2026-10-05T06:05:00+08:00'), punch('in', '2026-10-05T07:55:00+08:00'), punch('out', '2026-10-05T15:35:00+08:00')];
    const all = [nightSpan, morningSpan];
    expect(punchesOf(nightSpan, all, punches).map((p) => p.type)).toEqual(['out']);
    expect(punchesOf(morningSpan, all, punches).map((p) => p.at)).toEqual([at('2026-10-04T23:55:00Z'), at('2026-10-05T07:35:00Z')]);
  });
});
