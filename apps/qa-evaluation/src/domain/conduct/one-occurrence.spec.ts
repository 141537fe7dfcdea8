import { DEFAULT_QA_POLICY, mergePolicy } from '../policy/qa-policy';
import { isCalendarDate } from '@app/contracts';
import { dayHasUnexcusedLateEarlyOrAbsence, duplicateRecord, duplicatesComputed, holdOverLimit, referenceFor, referenceMissing } from './one-occurrence';

const day = (over: Partial<{ status: string; lateMinutes: number; earlyLeaveMinutes: number; excused: boolean }> = {}) => ({
  status: 'present', lateMinutes: 0, earlyLeaveMinutes: 0, excused: false, ...over,
});

describe('one occurrence, one deduction', () => {
  it('requires the day of a late/early/absent record and the call of a long-hold record, by default', () => {
    expect(DEFAULT_QA_POLICY.conduct.referenceRequired).toEqual({ UNEXCUSED_LATE_EARLY_ABSENT: 'date', LONG_HOLD_UNREASONED: 'callId' });
    expect(referenceFor(DEFAULT_QA_POLICY, 'UNEXCUSED_LATE_EARLY_ABSENT')).toBe('date');
    expect(referenceFor(DEFAULT_QA_POLICY, 'LONG_HOLD_UNREASONED')).toBe('callId');
    expect(referenceFor(DEFAULT_QA_POLICY, 'NOISE')).toBeNull();
  });

  it('takes the requirement from the policy and ignores mistyped values', () => {
    const p = mergePolicy({ conduct: { referenceRequired: { PRIVATE_CALL_OVER_3MIN: 'callId', NOISE: 'minute' } } });
    expect(referenceFor(p, 'PRIVATE_CALL_OVER_3MIN')).toBe('callId');
    expect(referenceFor(p, 'NOISE')).toBeNull();
    expect(referenceFor(p, 'UNEXCUSED_LATE_EARLY_ABSENT')).toBeNull(); // the tenant's map replaces the default one
    expect(referenceFor(mergePolicy({ conduct: { referenceRequired: 'date' } }), 'UNEXCUSED_LATE_EARLY_ABSENT')).toBeNull();
    expect(DEFAULT_QA_POLICY.telephony.holdLimitMs).toBe(120_000);
  });

  it('a day carries a computed deduction when late, early or absent and not excused — as scoring counts it', () => {
    expect(dayHasUnexcusedLateEarlyOrAbsence(day({ lateMinutes: 12 }))).toBe(true);
    expect(dayHasUnexcusedLateEarlyOrAbsence(day({ earlyLeaveMinutes: 1 }))).toBe(true);
    expect(dayHasUnexcusedLateEarlyOrAbsence(day({ status: 'absent' }))).toBe(true);
    expect(dayHasUnexcusedLateEarlyOrAbsence(day({ status: 'absent', excused: true }))).toBe(false);
    expect(dayHasUnexcusedLateEarlyOrAbsence(day({ lateMinutes: 30, excused: true }))).toBe(false);
    expect(dayHasUnexcusedLateEarlyOrAbsence(day())).toBe(false);
    expect(dayHasUnexcusedLateEarlyOrAbsence(day({ status: 'leave' }))).toBe(false);
  });

  it('a hold counts when longer than the limit, not at it', () => {
    expect(holdOverLimit(120_001, 120_000)).toBe(true);
    expect(holdOverLimit(120_000, 120_000)).toBe(false);
  });

  it('names the path and the code of each refusal', () => {
    expect(referenceMissing('UNEXCUSED_LATE_EARLY_ABSENT', 'date')).toMatchObject({ code: 'QA.CONDUCT_REFERENCE_REQUIRED', path: 'date' });
    expect(referenceMissing('LONG_HOLD_UNREASONED', 'callId')).toMatchObject({ code: 'QA.CONDUCT_REFERENCE_REQUIRED', path: 'callId' });
    expect(duplicatesComputed('LONG_HOLD_UNREASONED', 'callId', 'c-1')).toMatchObject({ code: 'QA.CONDUCT_DUPLICATES_COMPUTED', path: 'callId' });
    expect(duplicateRecord('UNEXCUSED_LATE_EARLY_ABSENT', 'date', '2026-10-05', 'r-1')).toMatchObject({ code: 'QA.CONDUCT_DUPLICATE_RECORD', path: 'date' });
    expect(duplicatesComputed('UNEXCUSED_LATE_EARLY_ABSENT', 'date', '2026-10-05').message).toMatch(/2026-10-05.*\/.*迟到/);
  });

  it('accepts only real calendar dates', () => {
    expect(['2026-10-05', '2028-02-29', '2026-12-31'].map(isCalendarDate)).toEqual([true, true, true]);
    expect(['2026-02-29', '2026-13-01', '2026-10-32', '2026-10-5', '2026-10-05T00:00:00Z', '', 20261005, null].map(isCalendarDate)).toEqual(Array(8).fill(false));
  });
});
