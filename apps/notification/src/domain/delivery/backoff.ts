import type { NotificationPolicy } from '../policy/notification-policy';

type BackoffPolicy = Pick<NotificationPolicy, 'backoffBaseMs' | 'backoffMaxMs' | 'backoffJitterRatio'>;

/**
 * Wait before try `attempt + 1`, after `attempt` failed: exponential, capped, with jitter taken off
 * the top so many deliveries failing together do not all come back at the same instant.
 */
export function backoffMs(attempt: number, p: BackoffPolicy, random: () => number = Math.random): number {
  const exp = Math.min(p.backoffMaxMs, p.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (1 - p.backoffJitterRatio * random()));
}

export type AttemptOutcome = 'delivered' | 'retry' | 'failed';

/** After an attempt: done, try again later, or give up (the last allowed try failed). */
export function afterAttempt(ok: boolean, attempt: number, maxAttempts: number): AttemptOutcome {
  if (ok) return 'delivered';
  return attempt >= maxAttempts ? 'failed' : 'retry';
}
