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
