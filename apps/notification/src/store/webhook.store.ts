import { Injectable } from '@nestjs/common';
import { instantFromMicros, microsOf, ShortReadCache, TransactionScope } from '@app/persistence';
import type { BreakerState } from '../domain/delivery/circuit-breaker';
import type { WebhookSubscription } from '../domain/routing/route-alert';
import { queryRows } from './sql-rows';

export interface Webhook extends WebhookSubscription {
  url: string;
  secret: string;
  breaker: BreakerState;
  createdAt: string;
}

export abstract class WebhookStore {
  abstract list(): Promise<Webhook[]>;
  /** Up to `take` endpoints after `after` by (created, webhookId); `createdUs` is the sort key's first part. */
  abstract page(after: { createdUs: number; webhookId: string } | undefined, take: number): Promise<Array<Webhook & { createdUs: number }>>;
  /** Enabled endpoints as routing and sending read them (briefly cached: read for every alert and send). */
  abstract subscriptions(): Promise<Array<WebhookSubscription & { url: string; secret: string }>>;
  abstract get(webhookId: string): Promise<Webhook | null>;
  abstract findMany(webhookIds: string[]): Promise<Map<string, Webhook>>;
  abstract create(w: { webhookId: string; url: string; secret: string; kinds: string[]; enabled: boolean }): Promise<Webhook>;
  abstract update(webhookId: string, w: { url: string; secret: string; kinds: string[]; enabled: boolean }): Promise<Webhook | null>;
  /** The endpoint's circuit state, locked until the transaction ends (parallel sends update it in turn). */
  abstract lockBreaker(webhookId: string): Promise<BreakerState | null>;
  abstract saveBreaker(webhookId: string, s: BreakerState): Promise<void>;
  /** A success closes the circuit; written only when it was not closed already, so parallel successes never queue on the row. */
  abstract closeBreaker(webhookId: string): Promise<void>;
}

interface Row {
  webhook_id: string;
  url: string;
  secret: string;
  kinds: string[];
  enabled: boolean;
  consecutive_failures: number;
  circuit_open_until: Date | null;
  created_at: Date;
}

const toWebhook = (r: Row): Webhook => ({
  webhookId: r.webhook_id, url: r.url, secret: r.secret, kinds: r.kinds, enabled: r.enabled,
  breaker: { consecutiveFailures: r.consecutive_failures, openUntil: r.circuit_open_until?.getTime() ?? null },
  createdAt: r.created_at.toISOString(),
});

const CACHE_MS = 1_000;

@Injectable()
export class PgWebhookStore extends WebhookStore {
  private readonly cache: ShortReadCache<Array<WebhookSubscription & { url: string; secret: string }>>;

  constructor(private readonly scope: TransactionScope) {
    super();
    this.cache = new ShortReadCache(scope, CACHE_MS);
  }

  async list(): Promise<Webhook[]> {
    return (await queryRows<Row>(this.scope, `SELECT * FROM notification.webhook ORDER BY created_at, webhook_id`)).map(toWebhook);
  }

  async page(after: { createdUs: number; webhookId: string } | undefined, take: number): Promise<Array<Webhook & { createdUs: number }>> {
    const rows = await queryRows<Row & { created_us: string }>(
      this.scope,
      `SELECT *, ${microsOf('created_at')}::text AS created_us FROM notification.webhook
       WHERE $1::bigint IS NULL OR (created_at, webhook_id) > (${instantFromMicros('$1')}, $2::text)
       ORDER BY created_at, webhook_id LIMIT $3`,
      [after?.createdUs ?? null, after?.webhookId ?? null, take],
    );
    return rows.map((r) => ({ ...toWebhook(r), createdUs: Number(r.created_us) }));
  }

  subscriptions(): Promise<Array<WebhookSubscription & { url: string; secret: string }>> {
    return this.cache.get(async () =>
      (await this.list()).filter((w) => w.enabled).map(({ webhookId, kinds, enabled, url, secret }) => ({ webhookId, kinds, enabled, url, secret })),
    );
  }

  async get(webhookId: string): Promise<Webhook | null> {
    return (await this.findMany([webhookId])).get(webhookId) ?? null;
  }

  async findMany(webhookIds: string[]): Promise<Map<string, Webhook>> {
    if (webhookIds.length === 0) return new Map();
    const rows = await queryRows<Row>(this.scope, `SELECT * FROM notification.webhook WHERE webhook_id = ANY($1)`, [webhookIds]);
    return new Map(rows.map((r) => [r.webhook_id, toWebhook(r)]));
  }

  async create(w: { webhookId: string; url: string; secret: string; kinds: string[]; enabled: boolean }): Promise<Webhook> {
    const rows = await queryRows<Row>(
      this.scope,
      `INSERT INTO notification.webhook (webhook_id, url, secret, kinds, enabled) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [w.webhookId, w.url, w.secret, w.kinds, w.enabled],
    );
    this.cache.forget();
    return toWebhook(rows[0]);
  }

  async update(webhookId: string, w: { url: string; secret: string; kinds: string[]; enabled: boolean }): Promise<Webhook | null> {
    const rows = await queryRows<Row>(
      this.scope,
      `UPDATE notification.webhook SET url = $2, secret = $3, kinds = $4, enabled = $5 WHERE webhook_id = $1 RETURNING *`,
      [webhookId, w.url, w.secret, w.kinds, w.enabled],
    );
    this.cache.forget();
    return rows[0] ? toWebhook(rows[0]) : null;
  }

  async closeBreaker(webhookId: string): Promise<void> {
    await this.scope.manager().query(
      `UPDATE notification.webhook SET consecutive_failures = 0, circuit_open_until = NULL
       WHERE webhook_id = $1 AND (consecutive_failures <> 0 OR circuit_open_until IS NOT NULL)`,
      [webhookId],
    );
  }

  async lockBreaker(webhookId: string): Promise<BreakerState | null> {
    const rows = await queryRows<Row>(this.scope, `SELECT * FROM notification.webhook WHERE webhook_id = $1 FOR UPDATE`, [webhookId]);
    return rows[0] ? toWebhook(rows[0]).breaker : null;
  }

  async saveBreaker(webhookId: string, s: BreakerState): Promise<void> {
    await this.scope.manager().query(
      `UPDATE notification.webhook SET consecutive_failures = $2, circuit_open_until = $3 WHERE webhook_id = $1`,
      [webhookId, s.consecutiveFailures, s.openUntil === null ? null : new Date(s.openUntil)],
    );
  }
}
