import type { DayClosedEvent, DayStatus } from '@app/contracts';
import type { AttendancePolicy } from '../policy/attendance-policy';
import type { ClockPunch } from './attribute-clock-events';
import { dayReason, type DayReason } from './day-reasons';
import { decidedDayBreaksFullAttendance } from './full-attendance';
import type { ShiftSpan } from './shift-type';

export interface DayLeave {
  type: string;
  halfDay?: 'am' | 'pm';
  breaksFullAttendance: boolean;
}

/** A supervisor's corrections of the day, folded in order (a later one wins field by field). */
export interface DayOverride {
  in?: number;
  out?: number;
  status?: DayStatus;
  excused?: boolean;
  reason: string;
}

export interface DayInput {
  shift: string;
  /** Null when the day was rostered `off` after it had closed. */
  span: ShiftSpan | null;
  punches: ClockPunch[];
  leave?: DayLeave;
  /** A holiday that day; `onDuty` agents work it like any day. */
  holiday?: { name: string; onDuty: boolean };
  /** Set when the roster of the day comes from a swap (a swap or a pay-back day). */
  swapId?: string;
  override?: DayOverride;
}

/** What the day comes to: the published event's figures (as they go out), plus what the service keeps beside them. */
export interface DayDecision
  extends Pick<DayClosedEvent, 'status' | 'lateMinutes' | 'earlyLeaveMinutes' | 'leaveType' | 'leaveHalfDay' | 'leaveBreaksFullAttendance' | 'swapId' | 'excused'> {
  missedClockIn: boolean;
  missedClockOut: boolean;
  clockIn: number | null;
  clockOut: number | null;
  workedMinutes: number | null;
  halfDayWorked: boolean;
  reasons: DayReason[];
  /** rules.md §2: missing a swap or pay-back day (or leave on one) is absence and a violation. */
  violation?: 'ATTENDANCE.ABSENT_ON_SWAP_DAY' | 'ATTENDANCE.LEAVE_ON_SWAP_DAY';
  /** Whether the day breaks the month's full attendance 全勤 (full-attendance.ts). */
  breaksFullAttendance: boolean;
}

const MINUTE = 60_000;

/** Minutes past the grace: none within it, all of them beyond it (迟到 38 分钟 counts from the start). */
function minutesBeyond(ms: number, graceMinutes: number): number {
  return ms > graceMinutes * MINUTE ? Math.ceil(ms / MINUTE) : 0;
}

/**
 * How a rostered day went. Order matters and is the policy's: a holiday off duty, then leave
 * (never on a swap day), then the clock. A missing clock-out is flagged, never guessed.
 */
export function decideDay(input: DayInput, policy: AttendancePolicy): DayDecision {
  const o = input.override;
  const base: DayDecision = {
    status: 'present', lateMinutes: 0, earlyLeaveMinutes: 0, excused: o?.excused ?? false, missedClockIn: false, missedClockOut: false,
    clockIn: null, clockOut: null, workedMinutes: null, halfDayWorked: false, reasons: [], breaksFullAttendance: false,
    ...(input.swapId ? { swapId: input.swapId } : {}),
  };
  const decided = decideUncorrected(input, policy, base);
  if (o?.status && o.status !== decided.status) {
    decided.status = o.status;
    if (o.status !== 'present') Object.assign(decided, { lateMinutes: 0, earlyLeaveMinutes: 0 });
    decided.reasons.push(dayReason('CORRECTED', { reason: o.reason }));
  }
  if (decided.excused) decided.reasons.push(dayReason('EXCUSED', { reason: o?.reason ?? '' }));
  // Decided last so corrections and excuses count.
  decided.breaksFullAttendance = decidedDayBreaksFullAttendance(decided);
  return decided;
}

function decideUncorrected(input: DayInput, policy: AttendancePolicy, d: DayDecision): DayDecision {
  const { span, leave, override: o } = input;
  if (!span) return { ...d, status: 'off', reasons: [dayReason('OFF')] };
  if (input.holiday && !input.holiday.onDuty) return { ...d, status: 'holiday', reasons: [dayReason('HOLIDAY', { name: input.holiday.name })] };
  if (leave && input.swapId) {
    return { ...d, status: 'absent', violation: 'ATTENDANCE.LEAVE_ON_SWAP_DAY', reasons: [dayReason('LEAVE_ON_SWAP_DAY')] };
  }
  const leaveFields = leave
    ? { leaveType: leave.type, leaveBreaksFullAttendance: leave.breaksFullAttendance, ...(leave.halfDay ? { leaveHalfDay: leave.halfDay } : {}) }
    : {};
  if (leave && !leave.halfDay) return { ...d, ...leaveFields, status: 'leave', reasons: [dayReason('LEAVE', { type: leave.type })] };

  const ins = input.punches.filter((p) => p.type === 'in').map((p) => p.at);
  const clockIn = o?.in ?? (ins.length ? Math.min(...ins) : null);
  const outs = input.punches.filter((p) => p.type === 'out' && (clockIn === null || p.at > clockIn)).map((p) => p.at);
  const clockOut = o?.out ?? (outs.length ? Math.max(...outs) : null);
  const out: DayDecision = { ...d, ...leaveFields, clockIn, clockOut };
  if (clockIn === null && clockOut === null) {
    out.status = 'absent';
    out.reasons.push(dayReason('NO_CLOCK'));
    if (input.swapId) out.violation = 'ATTENDANCE.ABSENT_ON_SWAP_DAY';
    return out;
  }
  // Half a day of leave moves the expected start (am) or end (pm) to the middle of the shift.
  const middle = span.startAt + Math.round((span.endAt - span.startAt) / 2);
  const expectedStart = leave?.halfDay === 'am' ? middle : span.startAt;
  const expectedEnd = leave?.halfDay === 'pm' ? middle : span.endAt;
  if (clockIn === null) {
    out.missedClockIn = true;
    out.reasons.push(dayReason('MISSED_CLOCK_IN'));
  } else {
    out.lateMinutes = minutesBeyond(clockIn - expectedStart, span.lateGraceMinutes);
    if (out.lateMinutes > 0) out.reasons.push(dayReason('LATE', { minutes: out.lateMinutes }));
  }
  if (clockOut === null) {
    out.missedClockOut = true;
    out.reasons.push(dayReason('MISSED_CLOCK_OUT'));
  } else {
    out.earlyLeaveMinutes = minutesBeyond(expectedEnd - clockOut, span.earlyLeaveGraceMinutes);
    if (out.earlyLeaveMinutes > 0) out.reasons.push(dayReason('EARLY_LEAVE', { minutes: out.earlyLeaveMinutes }));
  }
  if (clockIn !== null && clockOut !== null) {
    const worked = Math.floor((clockOut - clockIn) / MINUTE);
    out.workedMinutes = worked;
    if (worked < policy.absentBelowWorkedMinutes) {
      Object.assign(out, { status: 'absent', lateMinutes: 0, earlyLeaveMinutes: 0 });
      out.reasons = [dayReason('WORKED_TOO_LITTLE', { minutes: worked })];
      if (input.swapId) out.violation = 'ATTENDANCE.ABSENT_ON_SWAP_DAY';
    } else if (worked < policy.halfDayBelowWorkedMinutes && !leave?.halfDay) {
      out.halfDayWorked = true;
      out.reasons.push(dayReason('HALF_DAY', { minutes: worked }));
    }
  }
  return out;
}
