/** The relay's defaults; a service overrides them in its ServiceDefinition's `relay`. */
export const OUTBOX_DEFAULTS = {
  batchSize: 200,
  pollIntervalMs: 500,
  /** Refusals before a row is parked: enough to ride out a flaky moment, few enough to alert soon. */
  maxAttempts: 5,
  /** Rows the admin listing returns at most per page. */
  parkedPageLimit: 500,
} as const;
