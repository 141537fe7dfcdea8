import type { AttendancePolicy } from '../policy/attendance-policy';
import { localInstant } from './local-time';

/**
 * A shift type: local start and end (end before start = overnight), with optional per-type grace
 * periods and windows; a missing one takes the policy's default.
 */
export interface ShiftType {
  code: string;
  nameZh: string;
  nameEn: string;
  start: string;
  end: string;
  lateGraceMinutes?: number | null;
  earlyLeaveGraceMinutes?: number | null;
  checkInWindowBeforeMinutes?: number | null;
  checkOutWindowAfterMinutes?: number | null;
}

/** `off` in a roster clears the day; it can never be a shift type. */
export const OFF = 'off';

/** rules.md §1 (R&P): morning 早班 08:00–15:30, afternoon 晚班 14:30–22:00 — what the first migration seeds. */
export const DEFAULT_SHIFT_TYPES: readonly ShiftType[] = Object.freeze([
  { code: 'morning', nameZh: '早班', nameEn: 'morning', start: '08:00', end: '15:30' },
  { code: 'afternoon', nameZh: '晚班', nameEn: 'afternoon', start: '14:30', end: '22:00' },
]);

/** One rostered shift placed in time (epoch ms), with the rules that judge it. */
export interface ShiftSpan {
  startAt: number;
  endAt: number;
  /** Clock events in [windowFrom, windowTo] count for this shift. */
  windowFrom: number;
  windowTo: number;
  lateGraceMinutes: number;
  earlyLeaveGraceMinutes: number;
}

const MINUTE = 60_000;

/** Where a shift of `type` on local `date` lies in time, read in the policy zone (DST included). */
export function shiftSpan(date: string, type: ShiftType, policy: AttendancePolicy): ShiftSpan {
  const overnight = type.end <= type.start;
  const startAt = localInstant(date, type.start, policy.timeZone);
  const endAt = localInstant(date, type.end, policy.timeZone, overnight ? 1 : 0);
  const before = type.checkInWindowBeforeMinutes ?? policy.checkInWindowBeforeMinutes;
  const after = type.checkOutWindowAfterMinutes ?? policy.checkOutWindowAfterMinutes;
  return {
    startAt,
    endAt,
    windowFrom: startAt - before * MINUTE,
    windowTo: endAt + after * MINUTE,
    lateGraceMinutes: type.lateGraceMinutes ?? policy.lateGraceMinutes,
    earlyLeaveGraceMinutes: type.earlyLeaveGraceMinutes ?? policy.earlyLeaveGraceMinutes,
  };
}

/** What a shift type's fields say together (each field is checked on its own at the edge): it cannot end when it starts. */
export function shiftTypeErrors(type: Pick<ShiftType, 'start' | 'end'>): Array<{ path: string; message: string }> {
  return type.start === type.end ? [{ path: 'end', message: 'a shift cannot end when it starts / 班次结束时间不能等于开始时间' }] : [];
}
