import { createHash } from 'node:crypto';
import type { DayClosedEvent, ViolationRecordedEvent } from '@app/contracts';
import type { DayDecision } from '../domain/days/decide-day';
import type { DayReason } from '../domain/days/day-reasons';
import { isoUtc } from '../domain/days/local-time';

/** The contract's event, plus the reasons in both languages and the flags behind the figures. */
export interface AttendanceDayClosedEvent extends DayClosedEvent {
  reasons: DayReason[];
  missedClockIn: boolean;
  workedMinutes: number | null;
  halfDayWorked: boolean;
}

export const dayClosedEventId = (agentId: string, date: string, version: number) => `day-${agentId}-${date}-v${version}`;

/**
 * What a re-close compares: a day whose decision did not change is not re-published. Every figure of the
 * decision is in it, `breaksFullAttendance` and the leave type's flag included, so a day whose 全勤 answer
 * changed (e.g. the policy now says its leave type breaks it) goes out again.
 */
export function decisionHash(shift: string, d: DayDecision): string {
  const { reasons: _r, ...facts } = d;
  return createHash('sha1').update(JSON.stringify([shift, facts, d.reasons.map((r) => r.code)])).digest('base64url');
}

// A close stamps thousands of days with the same `now`: formatting it once per batch showed in the close's profile.
let lastStamp = { at: NaN, iso: '' };
function stamp(at: number): string {
  if (at !== lastStamp.at) lastStamp = { at, iso: isoUtc(at) };
  return lastStamp.iso;
}

export function toDayClosedEvent(
  key: { agentId: string; date: string; shift: string },
  d: DayDecision,
  version: number,
  cause: 'closed' | 'corrected',
  now: number,
  correctionReason?: string,
): AttendanceDayClosedEvent {
  return {
    eventId: dayClosedEventId(key.agentId, key.date, version),
    schemaVersion: 1,
    agentId: key.agentId,
    date: key.date,
    shift: key.shift,
    status: d.status,
    lateMinutes: d.lateMinutes,
    earlyLeaveMinutes: d.earlyLeaveMinutes,
    ...(d.leaveType ? { leaveType: d.leaveType, leaveBreaksFullAttendance: d.leaveBreaksFullAttendance } : {}),
    ...(d.leaveHalfDay ? { leaveHalfDay: d.leaveHalfDay } : {}),
    ...(d.swapId ? { swapId: d.swapId } : {}),
    breaksFullAttendance: d.breaksFullAttendance,
    excused: d.excused,
    missedClockOut: d.missedClockOut,
    missedClockIn: d.missedClockIn,
    clockIn: d.clockIn === null ? null : isoUtc(d.clockIn),
    clockOut: d.clockOut === null ? null : isoUtc(d.clockOut),
    workedMinutes: d.workedMinutes,
    halfDayWorked: d.halfDayWorked,
    reasons: d.reasons,
    cause,
    ...(correctionReason ? { correctionReason } : {}),
    version,
    closedAt: stamp(now),
  };
}

const VIOLATION_TEXT: Record<NonNullable<DayDecision['violation']>, string> = {
  'ATTENDANCE.ABSENT_ON_SWAP_DAY': '换班日或还班日缺勤，按旷工处理 / absent on a swap or pay-back day: counts as absence',
  'ATTENDANCE.LEAVE_ON_SWAP_DAY': '换班日或还班日请假，按旷工处理 / leave on a swap or pay-back day: counts as absence',
};

/** One per agent, day and rule: its id is made of them, so re-closing the day never repeats it. */
export function toViolationEvent(agentId: string, date: string, d: DayDecision, now: number): ViolationRecordedEvent | null {
  if (!d.violation) return null;
  return {
    eventId: `violation-${agentId}-${date}-${d.violation}`,
    schemaVersion: 1,
    agentId,
    date,
    code: d.violation,
    ...(d.swapId ? { swapId: d.swapId } : {}),
    message: VIOLATION_TEXT[d.violation],
    occurredAt: stamp(now),
  };
}

/** The other side of a swap whose shift was missed: the missed shift counts against both (rules.md §2). */
export function swapMissedViolation(agentId: string, date: string, swapId: string, missedBy: string, now: number): ViolationRecordedEvent {
  const code = 'ATTENDANCE.SWAP_SHIFT_MISSED';
  return {
    eventId: `violation-${agentId}-${date}-${code}`,
    schemaVersion: 1,
    agentId,
    date,
    code,
    swapId,
    message: `换班交接不当，${missedBy} 缺勤，双方均计旷工 / a swapped shift was missed by ${missedBy}: it counts against both`,
    occurredAt: stamp(now),
  };
}
