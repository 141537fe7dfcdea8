import { Injectable } from '@nestjs/common';
import type { AlertEvent } from '@app/contracts';
import { TransactionScope } from '@app/persistence';
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
  latencyMs: number;
  error: string | null;
}

export interface DeliveryQuery {
  alertId?: string;
  webhookId?: string;
  status?: DeliveryStatus;
  limit: number;
}

/** One row per (alert, target): its state makes a target get an alert once however often it is routed. */
export abstract class DeliveryStore {
  /**
   * Claims due deliveries for sending (`sending`, attempt counted, leased for `leaseMs` so a crashed
   * sender's rows come back): none of an endpoint with an open circuit, none of `busyTargets`,
   * at most `perTarget` per target.
   */
  abstract claimDue(limit: number, perTarget: number, busyTargets: string[], leaseMs: number): Promise<Delivery[]>;
  /** Logs the attempt and moves the row on; `nextAttemptAt` null means final. */
  abstract settle(d: Delivery, result: AttemptResult, status: 'delivered' | 'pending' | 'failed', nextAttemptAt: Date | null): Promise<void>;
  abstract list(q: DeliveryQuery): Promise<Array<Delivery & { attemptLog: AttemptRecord[] }>>;
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

@Injectable()
export class PgDeliveryStore extends DeliveryStore {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async claimDue(limit: number, perTarget: number, busyTargets: string[], leaseMs: number): Promise<Delivery[]> {
    const rows = await queryRows<Row>(
      this.scope,
      `WITH ranked AS (
         SELECT d.delivery_id, d.next_attempt_at, row_number() OVER (PARTITION BY d.channel, d.target ORDER BY d.next_attempt_at) AS rn
         FROM notification.delivery d
         LEFT JOIN notification.webhook w ON d.channel = 'webhook' AND w.webhook_id = d.target
         WHERE ${DUE} AND NOT (d.channel || ':' || d.target = ANY($3::text[]))
           AND (w.circuit_open_until IS NULL OR w.circuit_open_until <= now())
       ), picked AS (
         SELECT d.delivery_id FROM notification.delivery d JOIN ranked r USING (delivery_id)
         WHERE r.rn <= $2 AND ${DUE}
         ORDER BY r.next_attempt_at LIMIT $1
         FOR UPDATE OF d SKIP LOCKED
       )
       UPDATE notification.delivery d SET status = 'sending', attempts = d.attempts + 1, lease_until = now() + $4 * interval '1 millisecond'
       FROM picked WHERE d.delivery_id = picked.delivery_id
       RETURNING d.*`,
      [limit, perTarget, busyTargets, leaseMs],
    );
    return rows.map(toDelivery);
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
      [d.deliveryId, status, nextAttemptAt, result.error, result.statusCode, d.alertId, d.channel, d.target, d.attempts, result.outcome, Math.round(result.latencyMs)],
    );
  }

  async list(q: DeliveryQuery): Promise<Array<Delivery & { attemptLog: AttemptRecord[] }>> {
    const rows = await queryRows<Row & { attempt_log: AttemptRecord[] }>(
      this.scope,
      `SELECT d.*, COALESCE((SELECT jsonb_agg(jsonb_build_object('attempt', a.attempt, 'outcome', a.outcome, 'statusCode', a.status_code,
                 'latencyMs', a.latency_ms, 'error', a.error, 'attemptedAt', a.attempted_at) ORDER BY a.attempt_id)
               FROM notification.delivery_attempt a WHERE a.delivery_id = d.delivery_id), '[]') AS attempt_log
       FROM notification.delivery d
       WHERE ($1::text IS NULL OR d.alert_id = $1) AND ($2::text IS NULL OR (d.channel = 'webhook' AND d.target = $2))
         AND ($3::text IS NULL OR d.status = $3)
       ORDER BY d.created_at DESC, d.delivery_id LIMIT $4`,
      [q.alertId ?? null, q.webhookId ?? null, q.status ?? null, q.limit],
    );
    return rows.map((r) => ({ ...toDelivery(r), attemptLog: r.attempt_log }));
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
