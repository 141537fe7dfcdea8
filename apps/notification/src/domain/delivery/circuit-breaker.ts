import type { NotificationPolicy } from '../policy/notification-policy';

export interface BreakerState {
  consecutiveFailures: number;
  /** Epoch ms until which the endpoint gets no sends; null when closed. */
  openUntil: number | null;
}

type BreakerPolicy = Pick<NotificationPolicy, 'breakerFailureThreshold' | 'breakerCooldownMs'>;

/**
 * A dead endpoint stops taking send slots: after `breakerFailureThreshold` failures in a row its
 * circuit opens for `breakerCooldownMs`; the first send after that decides (success closes it,
 * failure opens it again at once because the count is still over the threshold).
 */
export function nextBreakerState(s: BreakerState, ok: boolean, now: number, p: BreakerPolicy): BreakerState {
  if (ok) return { consecutiveFailures: 0, openUntil: null };
  const failures = s.consecutiveFailures + 1;
  return { consecutiveFailures: failures, openUntil: failures >= p.breakerFailureThreshold ? now + p.breakerCooldownMs : s.openUntil };
}

export const isOpen = (s: BreakerState, now: number): boolean => s.openUntil !== null && s.openUntil > now;
