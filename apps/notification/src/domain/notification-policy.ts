/**
 * Every number delivery depends on. These are the defaults; an admin overrides any of them
 * (`PUT /v1/notification-policy`), and the stored overrides win over these.
 */
export interface NotificationPolicy {
  /** Same kind for the same agent within this window is grouped into one message (0 = never group). */
  floodWindowMs: number;
  /** One webhook POST may take this long before it counts as failed. */
  webhookTimeoutMs: number;
  /** Tries per delivery, the first included; after the last one the delivery is `failed`. */
  maxAttempts: number;
  /** Exponential backoff: base × 2^(attempt−1), capped, minus up to `backoffJitterRatio` of it at random. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  backoffJitterRatio: number;
  /** Consecutive failures of one endpoint that open its circuit, and how long it stays open. */
  breakerFailureThreshold: number;
  breakerCooldownMs: number;
  /**
   * Each endpoint has its own lane per instance (all e-mail shares one, the SMTP server's): at most
   * `maxInFlightPerEndpoint` sends at once and `maxQueuedPerEndpoint` claimed rows waiting behind
   * them, so a slow or dead endpoint fills only its own lane.
   */
  maxInFlightPerEndpoint: number;
  maxQueuedPerEndpoint: number;
  /**
   * Sends in flight in all, per instance (also the most rows one claim takes). A lane with nothing
   * in flight may always start one, so lanes stuck on slow endpoints never starve the others.
   */
  maxInFlight: number;
  /** SMTP connection, greeting and socket timeout. */
  emailTimeoutMs: number;
  /** Receivers should reject signatures older than this (sent to them in the docs, used by our own verifier). */
  signatureToleranceSec: number;
  /** Local time zone for times shown in messages (rules.md §1: China Standard Time). */
  timeZone: string;
}

export const DEFAULT_NOTIFICATION_POLICY: Readonly<NotificationPolicy> = Object.freeze({
  floodWindowMs: 5 * 60_000,
  webhookTimeoutMs: 5_000,
  maxAttempts: 6,
  backoffBaseMs: 1_000,
  backoffMaxMs: 5 * 60_000,
  backoffJitterRatio: 0.5,
  breakerFailureThreshold: 5,
  breakerCooldownMs: 30_000,
  maxInFlightPerEndpoint: 16,
  maxQueuedPerEndpoint: 32,
  maxInFlight: 128,
  emailTimeoutMs: 10_000,
  signatureToleranceSec: 300,
  timeZone: 'Asia/Shanghai',
});

export type PolicyOverrides = Partial<NotificationPolicy>;

export interface PolicyProblem {
  path: string;
  message: string;
}

/** Only known parameters of the right type and range are accepted; everything else is named. */
export function validatePolicyOverrides(input: unknown): { overrides: PolicyOverrides; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  const overrides: Record<string, unknown> = {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { overrides: {}, problems: [{ path: 'body', message: 'must be an object of policy parameters' }] };
  }
  for (const [key, value] of Object.entries(input)) {
    const known = DEFAULT_NOTIFICATION_POLICY[key as keyof NotificationPolicy];
    if (known === undefined) {
      problems.push({ path: key, message: 'unknown policy parameter' });
    } else if (typeof known === 'number') {
      const ok = typeof value === 'number' && Number.isFinite(value) && value >= 0 && (key !== 'backoffJitterRatio' || value <= 1);
      const positive = ['maxAttempts', 'maxInFlight', 'maxInFlightPerEndpoint', 'breakerFailureThreshold', 'webhookTimeoutMs', 'emailTimeoutMs'].includes(key);
      if (!ok || (positive && (value as number) < 1)) problems.push({ path: key, message: positive ? 'must be a number ≥ 1' : 'must be a number ≥ 0' });
      else overrides[key] = value;
    } else if (typeof value !== 'string' || value.length === 0) {
      problems.push({ path: key, message: 'must be a non-empty string' });
    } else {
      overrides[key] = value;
    }
  }
  return { overrides: overrides as PolicyOverrides, problems };
}
