/**
 * What to do with a message whose handler failed: plain rules, no NATS types, so they are unit-tested.
 * JetStream counts deliveries from 1; the transport enforces `maxDeliver` itself (the server-side
 * limit is left unlimited) so that the last failure is always dead-lettered, even after a crash.
 */
export interface RetryPolicy {
  maxDeliver: number;
  /** Delay before redelivery after the n-th failed delivery; the last value repeats. */
  backoffMs: number[];
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxDeliver: 5,
  backoffMs: [1_000, 5_000, 15_000, 30_000, 60_000],
};

export type FailureDecision = { action: 'retry'; delayMs: number } | { action: 'dead-letter' };

export function decideOnFailure(policy: RetryPolicy, deliveryCount: number, retryable: boolean): FailureDecision {
  if (!retryable || deliveryCount >= policy.maxDeliver) return { action: 'dead-letter' };
  return { action: 'retry', delayMs: backoffFor(policy, deliveryCount) };
}

/** A delivery beyond the limit means earlier attempts died with the process: do not run it again. */
export function isBeyondLimit(policy: RetryPolicy, deliveryCount: number): boolean {
  return deliveryCount > policy.maxDeliver;
}

export function backoffFor(policy: RetryPolicy, deliveryCount: number): number {
  if (policy.backoffMs.length === 0) return 0;
  const i = Math.min(Math.max(deliveryCount, 1), policy.backoffMs.length) - 1;
  return policy.backoffMs[i];
}
