import { Injectable } from '@nestjs/common';
import type { AlertEvent } from '@app/contracts';
import { instantFromMicros, microsOf, TransactionScope } from '@app/persistence';
import { queryRows } from './sql-rows';

export type DeliveryChannel = 'webhook' | 'email' | 'inbox';
export type DeliveryStatus = 'pending' | 'sending' | 'delivered' | 'failed' | 'skipped';

/** Who or what a delivery goes to, as resolved when the alert was routed. */
export interface DeliveryRecipient {
  webhookId?: string;
  url?: string;
  email?: string;
  language?: 'zh-CN' | 'en';
  userId?: string;
  audience?: string;
}

export interface NewDelivery {
  alertId: string;
  channel: DeliveryChannel;
  /** Unique per alert and channel: the endpoint id, the address, the inbox audience. */
  target: string;
  recipient: DeliveryRecipient;
  message: AlertEvent;
  /** `delivered` (inbox: written in the same transaction) and `skipped` (with `note`) are final at once. */
  status: 'pending' | 'delivered' | 'skipped';
  note?: string;
}

export interface Delivery {
  deliveryId: string;
  alertId: string;
  channel: DeliveryChannel;
  target: string;
  recipient: DeliveryRecipient;
  message: AlertEvent;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  lastStatusCode: number | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface AttemptRecord {
  attempt: number;
  outcome: 'delivered' | 'failed' | 'timeout' | 'skipped';
  statusCode: number | null;
  latencyMs: number | null;
  error: string | null;
  attemptedAt: string;
}

export interface AttemptResult {
  outcome: 'delivered' | 'failed' | 'timeout';
  statusCode: number | null;
  /** Null when nothing was sent (refused before connecting). */
  latencyMs: number | null;
  error: string | null;
  /** Refused before any connection (a forbidden address): final at once, never retried. */
  refused?: true;
}

/**
 * A row claimed for sending. `lane` is the endpoint it goes through (`webhook:<id>`, or `email` for
 * all e-mail: one SMTP server); `leaseToken` identifies this claim, so only its holder extends or
 * hands back the row.
 */
export interface ClaimedDelivery extends Delivery {
  lane: string;
  leaseToken: string;
}

export interface ClaimRequest {
  /** Most rows this claim takes. */
  limit: number;
  /** Rows each lane the caller holds may still take; lanes not listed may take `roomPerLane`. */
  rooms: Array<{ lane: string; room: number }>;
  roomPerLane: number;
  leaseMs: number;
}

export interface DeliveryQuery {
  alertId?: string;
  webhookId?: string;
  status?: DeliveryStatus;
  /** The row the previous page ended with: its creation in microseconds since 1970, and its id. */
  after?: { createdUs: number; deliveryId: string };
  take: number;
}

export type LoggedDelivery = Delivery & { attemptLog: AttemptRecord[] };

/** One row per (alert, target): its state makes a target get an alert once however often it is routed. */
export abstract class DeliveryStore {
  /**
   * Claims due deliveries for sending (`sending`, attempt counted, leased for `leaseMs` so a crashed
   * sender's rows come back): none of an endpoint with an open circuit, the oldest first, no lane
   * more than its room.
   */
  abstract claimDue(q: ClaimRequest): Promise<ClaimedDelivery[]>;
  /** Extends a claim that waited in its lane; null when the claim is no longer held (its lease ran out and another took it). */
  abstract renewLease(d: ClaimedDelivery, leaseMs: number): Promise<ClaimedDelivery | null>;
  /** Hands claimed rows back unsent (due again, the attempt uncounted): their circuit opened, or the instance stops. */
  abstract release(ds: ClaimedDelivery[]): Promise<void>;
  /** Logs the attempt and moves the row on; `nextAttemptAt` null means final. */
  abstract settle(d: Delivery, result: AttemptResult, status: 'delivered' | 'pending' | 'failed', nextAttemptAt: Date | null): Promise<void>;
  /** Up to `take` rows with their attempts, newest first (by created, then deliveryId, both descending), after `after`. */
  abstract page(q: DeliveryQuery): Promise<Array<{ delivery: LoggedDelivery; createdUs: number }>>;
  abstract get(deliveryId: string): Promise<Delivery | null>;
  /** Back to `pending` now with a fresh count of tries; only failed or delivered rows. */
  abstract resend(deliveryIds: string[]): Promise<number>;
  abstract failedOfWebhook(webhookId: string): Promise<string[]>;
}

interface Row {
  delivery_id: string;
  alert_id: string;
  channel: DeliveryChannel;
  target: string;
  recipient: DeliveryRecipient;
  message: AlertEvent;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  last_status_code: number | null;
  delivered_at: Date | null;
  created_at: Date;
}

const toDelivery = (r: Row): Delivery => ({
  deliveryId: r.delivery_id, alertId: r.alert_id, channel: r.channel, target: r.target, recipient: r.recipient, message: r.message,
  status: r.status, attempts: r.attempts, nextAttemptAt: r.next_attempt_at.toISOString(), lastError: r.last_error,
  lastStatusCode: r.last_status_code, deliveredAt: r.delivered_at?.toISOString() ?? null, createdAt: r.created_at.toISOString(),
});

const DUE = `((d.status = 'pending' AND d.next_attempt_at <= now()) OR (d.status = 'sending' AND d.lease_until < now()))`;
/** The lane a row is sent through: one per webhook endpoint, one for all e-mail (the SMTP server). The one place lanes are defined. */
const LANE = `(CASE WHEN d.channel = 'webhook' THEN 'webhook:' || d.target ELSE d.channel END)`;
/** The claim's identity: the lease end it set, to the microsecond (text: a JS Date would drop them). */
const CLAIMED = `d.*, ${LANE} AS lane, d.lease_until::text AS lease_token`;

const toClaimed = (r: Row & { lane: string; lease_token: string }): ClaimedDelivery => ({ ...toDelivery(r), lane: r.lane, leaseToken: r.lease_token });

@Injectable()
export class PgDeliveryStore extends DeliveryStore {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async claimDue(q: ClaimRequest): Promise<ClaimedDelivery[]> {
    const rows = await queryRows<Row & { lane: string; lease_token: string }>(
      this.scope,
      `WITH room AS (
         SELECT * FROM unnest($2::text[], $3::int[]) AS r(lane, room)
       ), due AS (
         SELECT d.delivery_id, d.next_attempt_at, ${LANE} AS lane
         FROM notification.delivery d
         LEFT JOIN notification.webhook w ON d.channel = 'webhook' AND w.webhook_id = d.target
         WHERE ${DUE} AND (w.circuit_open_until IS NULL OR w.circuit_open_until <= now())
       ), ranked AS (
         SELECT due.delivery_id, due.next_attempt_at, COALESCE(room.room, $4) AS room,
                row_number() OVER (PARTITION BY due.lane ORDER BY due.next_attempt_at) AS rn
         FROM due LEFT JOIN room USING (lane)
       ), picked AS (
         SELECT d.delivery_id FROM notification.delivery d JOIN ranked r USING (delivery_id)
         WHERE r.rn <= r.room AND ${DUE}
         ORDER BY r.next_attempt_at LIMIT $1
         FOR UPDATE OF d SKIP LOCKED
       )
       UPDATE notification.delivery d SET status = 'sending', attempts = d.attempts + 1, lease_until = now() + $5 * interval '1 millisecond'
       FROM picked WHERE d.delivery_id = picked.delivery_id
       RETURNING ${CLAIMED}`,
      [q.limit, q.rooms.map((r) => r.lane), q.rooms.map((r) => r.room), q.roomPerLane, q.leaseMs],
    );
    return rows.map(toClaimed);
  }

  async renewLease(d: ClaimedDelivery, leaseMs: number): Promise<ClaimedDelivery | null> {
    const rows = await queryRows<Row & { lane: string; lease_token: string }>(
      this.scope,
      `UPDATE notification.delivery d SET lease_until = now() + $3 * interval '1 millisecond'
       WHERE d.delivery_id = $1 AND d.status = 'sending' AND d.lease_until = $2::timestamptz
       RETURNING ${CLAIMED}`,
      [d.deliveryId, d.leaseToken, leaseMs],
    );
    return rows[0] ? toClaimed(rows[0]) : null;
  }

  async release(ds: ClaimedDelivery[]): Promise<void> {
    if (ds.length === 0) return;
    await this.scope.manager().query(
      `UPDATE notification.delivery d SET status = 'pending', attempts = d.attempts - 1, lease_until = NULL
       FROM unnest($1::text[], $2::text[]) AS r(delivery_id, lease_token)
       WHERE d.delivery_id = r.delivery_id AND d.status = 'sending' AND d.lease_until = r.lease_token::timestamptz`,
      [ds.map((d) => d.deliveryId), ds.map((d) => d.leaseToken)],
    );
  }

  async settle(d: Delivery, result: AttemptResult, status: 'delivered' | 'pending' | 'failed', nextAttemptAt: Date | null): Promise<void> {
    await this.scope.manager().query(
      `WITH logged AS (
         INSERT INTO notification.delivery_attempt (delivery_id, alert_id, channel, target, attempt, outcome, status_code, latency_ms, error)
         VALUES ($1, $6, $7, $8, $9, $10, $5, $11, $4)
       )
       UPDATE notification.delivery SET status = $2, next_attempt_at = COALESCE($3, next_attempt_at), lease_until = NULL,
         last_error = $4, last_status_code = $5, delivered_at = CASE WHEN $2 = 'delivered' THEN now() ELSE delivered_at END
       WHERE delivery_id = $1 AND status = 'sending'`,
      [d.deliveryId, status, nextAttemptAt, result.error, result.statusCode, d.alertId, d.channel, d.target, d.attempts, result.outcome, result.latencyMs === null ? null : Math.round(result.latencyMs)],
    );
  }

  async page(q: DeliveryQuery): Promise<Array<{ delivery: LoggedDelivery; createdUs: number }>> {
    const rows = await queryRows<Row & { attempt_log: AttemptRecord[]; created_us: string }>(
      this.scope,
      `SELECT d.*, ${microsOf('d.created_at')}::text AS created_us, COALESCE((SELECT jsonb_agg(jsonb_build_object('attempt', a.attempt, 'outcome', a.outcome, 'statusCode', a.status_code,
                 'latencyMs', a.latency_ms, 'error', a.error, 'attemptedAt', a.attempted_at) ORDER BY a.attempt_id)
               FROM notification.delivery_attempt a WHERE a.delivery_id = d.delivery_id), '[]') AS attempt_log
       FROM notification.delivery d
       WHERE ($1::text IS NULL OR d.alert_id = $1) AND ($2::text IS NULL OR (d.channel = 'webhook' AND d.target = $2))
         AND ($3::text IS NULL OR d.status = $3) AND ($4::bigint IS NULL OR (d.created_at, d.delivery_id) < (${instantFromMicros('$4')}, $5::text))
       ORDER BY d.created_at DESC, d.delivery_id DESC LIMIT $6`,
      [q.alertId ?? null, q.webhookId ?? null, q.status ?? null, q.after?.createdUs ?? null, q.after?.deliveryId ?? null, q.take],
    );
    return rows.map((r) => ({ delivery: { ...toDelivery(r), attemptLog: r.attempt_log }, createdUs: Number(r.created_us) }));
  }

  async get(deliveryId: string): Promise<Delivery | null> {
    const rows = await queryRows<Row>(this.scope, `SELECT * FROM notification.delivery WHERE delivery_id = $1`, [deliveryId]);
    return rows[0] ? toDelivery(rows[0]) : null;
  }

  async resend(deliveryIds: string[]): Promise<number> {
    if (deliveryIds.length === 0) return 0;
    const rows = await queryRows(
      this.scope,
      `UPDATE notification.delivery SET status = 'pending', attempts = 0, next_attempt_at = now(), lease_until = NULL
       WHERE delivery_id = ANY($1) AND status IN ('failed', 'delivered') AND channel <> 'inbox' RETURNING delivery_id`,
      [deliveryIds],
    );
    return rows.length;
  }

  async failedOfWebhook(webhookId: string): Promise<string[]> {
    const rows = await queryRows<{ delivery_id: string }>(
      this.scope,
      `SELECT delivery_id FROM notification.delivery WHERE channel = 'webhook' AND target = $1 AND status = 'failed'`,
      [webhookId],
    );
    return rows.map((r) => r.delivery_id);
  }
}
