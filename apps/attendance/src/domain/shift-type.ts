import type { AttendancePolicy } from './attendance-policy';
import { isLocalTime, localInstant } from './local-time';

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

const OPTIONAL_MINUTES = ['lateGraceMinutes', 'earlyLeaveGraceMinutes', 'checkInWindowBeforeMinutes', 'checkOutWindowAfterMinutes'] as const;

/** Field errors of a shift type as posted (paths relative to it). */
export function shiftTypeErrors(raw: Record<string, unknown>): Array<{ path: string; message: string }> {
  const errors: Array<{ path: string; message: string }> = [];
  if (typeof raw.code !== 'string' || !/^[a-z][a-z0-9-]{0,31}$/.test(raw.code)) errors.push({ path: 'code', message: 'a lower-case code of up to 32 letters, digits or dashes' });
  else if (raw.code === OFF) errors.push({ path: 'code', message: '"off" is reserved: it clears a roster day' });
  if (!isLocalTime(raw.start)) errors.push({ path: 'start', message: 'a local time HH:mm' });
  if (!isLocalTime(raw.end)) errors.push({ path: 'end', message: 'a local time HH:mm' });
  if (raw.start !== undefined && raw.start === raw.end) errors.push({ path: 'end', message: 'a shift cannot end when it starts' });
  for (const key of OPTIONAL_MINUTES) {
    const v = raw[key];
    if (v !== undefined && v !== null && !(Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 24 * 60)) {
      errors.push({ path: key, message: 'whole minutes from 0 to 1440' });
    }
  }
  return errors;
}
