/** What readiness and `/metrics` say about a service's outbox. */
export interface OutboxBacklog {
  /** Rows not yet acknowledged by the stream, parked ones included. */
  unsent: number;
  /** Unsent rows the relay stopped trying (attempts reached the limit); listed at the admin endpoint. */
  parked: number;
  /** Age of the oldest unsent row, parked or not; 0 when nothing waits. */
  oldestUnsentAgeSeconds: number;
  /** Age of the oldest row the relay is still trying; 0 when none. */
  oldestPendingAgeSeconds: number;
}

export interface ParkedOutboxRow {
  id: string;
  seq: number;
  subject: string;
  createdAt: string;
  attempts: number;
  lastError: string | null;
  payloadBytes: number;
}
