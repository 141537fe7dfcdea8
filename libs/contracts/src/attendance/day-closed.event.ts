export const DAY_STATUSES = ['present', 'absent', 'leave', 'holiday', 'off'] as const;
export type DayStatus = (typeof DAY_STATUSES)[number];

/**
 * `attendance.day.closed` (contracts.md): one per agent per rostered day, re-published with a higher
 * `version` after a correction. `eventId` is `day-<agentId>-<date>-v<version>`.
 */
export interface DayClosedEvent {
  eventId: string;
  schemaVersion: 1;
  agentId: string;
  /** The rostered local date (yyyy-mm-dd, policy time zone); the day belongs to this date's month. */
  date: string;
  /** Shift type code, e.g. `morning`; `off` when not rostered. */
  shift: string;
  status: DayStatus;
  lateMinutes: number;
  earlyLeaveMinutes: number;
  leaveType?: string;
  /** Half a day of leave: `am` or `pm`. */
  leaveHalfDay?: 'am' | 'pm';
  /** Whether the leave type breaks full attendance (from attendance's policy). */
  leaveBreaksFullAttendance?: boolean;
  swapId?: string;
  /**
   * Whether this day breaks the month's full attendance 全勤, as attendance decides it (full-attendance.ts): the one
   * answer HR's month summary and scoring's pay line both use. Absent on events from before it existed.
   */
  breaksFullAttendance?: boolean;
  /** Lateness, early leave or absence excused by a supervisor: carries no deduction. */
  excused: boolean;
  /** The clock-out is missing: flagged, never guessed. */
  missedClockOut?: boolean;
  /** Actual instants (ISO-8601 UTC) when known. */
  clockIn?: string | null;
  clockOut?: string | null;
  /** Why this version exists: `closed` by the day-close worker, or `corrected` with the supervisor's reason. */
  cause?: 'closed' | 'corrected';
  correctionReason?: string;
  version: number;
  closedAt: string;
}
