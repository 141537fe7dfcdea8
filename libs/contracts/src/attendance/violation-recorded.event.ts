/** `attendance.violation.recorded`: a swap rule broken or leave on a swap day (rules.md §2). */
export interface ViolationRecordedEvent {
  eventId: string;
  schemaVersion: 1;
  agentId: string;
  date: string;
  /** Stable code, e.g. `ATTENDANCE.ABSENT_ON_SWAP_DAY`. */
  code: string;
  swapId?: string;
  message: string;
  occurredAt: string;
}
