import { withKnownOverrides } from '@app/contracts';

/** A leave type of the policy list: whether it is paid and whether taking it loses full attendance 全勤. */
export interface LeaveTypePolicy {
  code: string;
  labelZh: string;
  labelEn: string;
  paid: boolean;
  breaksFullAttendance: boolean;
}

/**
 * Every number attendance decides by (rules.md §1, §2, §6, §7, §11). These are the defaults; the
 * stored copy (and scoring's `attendance` policy section) may override any of them.
 */
export interface AttendancePolicy {
  /** Local dates and shift times are read in this zone (rules.md §1: China Standard Time). */
  timeZone: string;
  /** A clock-in this long after the shift start is not yet late (no seed defines it: §11). */
  lateGraceMinutes: number;
  /** A clock-out this long before the shift end is not yet an early leave. */
  earlyLeaveGraceMinutes: number;
  /** Clock events count for a shift from this long before its start… */
  checkInWindowBeforeMinutes: number;
  /** …until this long after its end; the day closes once this has passed. */
  checkOutWindowAfterMinutes: number;
  /** Worked less than this (clock-in to clock-out) → absent. */
  absentBelowWorkedMinutes: number;
  /** Worked less than this → flagged as a half day worked. */
  halfDayBelowWorkedMinutes: number;
  leaveTypes: LeaveTypePolicy[];
  /** rules.md §2: at most 3 swaps per person per calendar month, counting both sides. */
  maxSwapsPerMonth: number;
  /** 连班: less rest than this between two of a person's shifts makes them back-to-back. */
  minRestBetweenShiftsMinutes: number;
  /** Two swaps of one person whose days lie within this many days of each other are consecutive. */
  consecutiveSwapDays: number;
  /** rules.md §1: at most 3 agents per region (per team). */
  maxAgentsPerRegionPerTeam: number;
  /** A clock event further than this in the future is refused (clock skew allowance). */
  clockFutureToleranceMinutes: number;
  /** rules.md §11: "absent more than 2 months" counts days away over this many months ending with the period. */
  awayWindowMonths: number;
}

export const DEFAULT_LEAVE_TYPES: readonly LeaveTypePolicy[] = Object.freeze([
  { code: 'annual', labelZh: '年假', labelEn: 'annual leave', paid: true, breaksFullAttendance: false },
  { code: 'sick', labelZh: '病假', labelEn: 'sick leave', paid: false, breaksFullAttendance: true },
  { code: 'personal', labelZh: '事假', labelEn: 'personal leave', paid: false, breaksFullAttendance: true },
  { code: 'marriage', labelZh: '婚假', labelEn: 'marriage leave', paid: true, breaksFullAttendance: false },
  { code: 'bereavement', labelZh: '丧假', labelEn: 'bereavement leave', paid: true, breaksFullAttendance: false },
  { code: 'maternity', labelZh: '产假', labelEn: 'maternity leave', paid: true, breaksFullAttendance: false },
]);

export const DEFAULT_ATTENDANCE_POLICY: Readonly<AttendancePolicy> = Object.freeze({
  timeZone: 'Asia/Shanghai',
  lateGraceMinutes: 5,
  earlyLeaveGraceMinutes: 5,
  checkInWindowBeforeMinutes: 120,
  checkOutWindowAfterMinutes: 240,
  absentBelowWorkedMinutes: 120,
  halfDayBelowWorkedMinutes: 240,
  leaveTypes: [...DEFAULT_LEAVE_TYPES],
  maxSwapsPerMonth: 3,
  minRestBetweenShiftsMinutes: 480,
  consecutiveSwapDays: 1,
  maxAgentsPerRegionPerTeam: 3,
  clockFutureToleranceMinutes: 5,
  awayWindowMonths: 3,
});

export function leaveTypeOf(policy: AttendancePolicy, code: string): LeaveTypePolicy | undefined {
  return policy.leaveTypes.find((t) => t.code === code);
}

/** Merges a partial override onto the defaults, keeping only known keys of the right type. */
export const mergePolicy = (overrides: Record<string, unknown>): AttendancePolicy => withKnownOverrides(DEFAULT_ATTENDANCE_POLICY, overrides);
