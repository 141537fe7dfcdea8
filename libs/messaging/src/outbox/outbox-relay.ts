import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { headers as natsHeaders } from '@nats-io/transport-node';
import type { JetStreamClient } from '@nats-io/jetstream';
import { quoteIdent } from '@app/persistence';
import { DrainLoop } from '../background/drain-loop';
import { describeError } from '../errors';
import { messagingMetrics } from '../metrics';
import { OUTBOX_DEFAULTS } from './outbox-defaults';
import { parkedAlert } from './parked-alert';
import { isPassingPublishFailure } from './publish-failure';

export interface OutboxRelayOptions {
  schema: string;
  /** Names the service in the parked-message alert; defaults to the schema. */
  service?: string;
  batchSize?: number;
  /** Safety net for rows committed by other instances or before a crash; commits kick it at once. */
  pollIntervalMs?: number;
  /** Refusals a row may get before it is parked (kept, listed, alerted, re-sendable). */
  maxAttempts?: number;
}

interface OutboxRow {
  id: string;
  subject: string;
  payload: unknown;
  headers: Record<string, string> | null;
  attempts: number;
}

interface BatchOutcome {
  claimed: number;
  passingFailures: number;
  parked: number;
  firstPassingError?: string;
}

/**
 * Publishes committed outbox rows to JetStream with `Nats-Msg-Id` = row id, and marks them sent
 * once the stream acknowledged. Rows are claimed with FOR UPDATE SKIP LOCKED, so any number of
 * instances can run it. A crash after publishing but before marking republishes the same id,
 * which the stream's duplicate window and every consumer's inbox both discard.
 *
 * Each row stands alone: one the stream refuses for good records its attempts and error while
 * the others are published, and after `maxAttempts` refusals it is parked (unsent, attempts at
 * the limit) with one `alerts.message.parked`, so it can never hold the rest back.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly table: string;
  private readonly service: string;
  private readonly batchSize: number;
  readonly maxAttempts: number;
  private readonly loop: DrainLoop;

  constructor(
    private readonly dataSource: DataSource,
    private readonly js: () => JetStreamClient,
    options: OutboxRelayOptions,
  ) {
    this.table = `${quoteIdent(options.schema)}.outbox_message`;
    this.service = options.service ?? options.schema;
    this.batchSize = options.batchSize ?? OUTBOX_DEFAULTS.batchSize;
    this.maxAttempts = options.maxAttempts ?? OUTBOX_DEFAULTS.maxAttempts;
    this.loop = new DrainLoop(() => this.flush(), options.pollIntervalMs ?? OUTBOX_DEFAULTS.pollIntervalMs, (err) =>
      this.logger.warn(`outbox relay will retry: ${describeError(err)}`),
    );
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Called after a transaction that wrote outbox rows committed. */
  kick(): void {
    this.loop.kick();
  }

  /**
   * Publishes everything pending now; returns how many rows were claimed. Throws (after recording
   * each row's error) when NATS or JetStream is away, so the loop waits a poll before trying again.
   */
  async flush(): Promise<number> {
    let total = 0;
    for (;;) {
      const outcome = await this.publishBatch();
      total += outcome.claimed;
      if (outcome.passingFailures > 0) {
        throw new Error(`${outcome.passingFailures} outbox message(s) not acknowledged by the stream: ${outcome.firstPassingError}`);
      }
      // A parked row's alert was just added to the outbox: go round once more to publish it.
      if (outcome.claimed < this.batchSize && outcome.parked === 0) return total;
    }
  }

  private async publishBatch(): Promise<BatchOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, subject, payload, headers, attempts FROM ${this.table}
         WHERE sent_at IS NULL AND attempts < $2 ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize, this.maxAttempts],
      );
      if (rows.length === 0) return { claimed: 0, passingFailures: 0, parked: 0 };
      const results = await this.publishAll(rows);
      const sent = rows.filter((_, i) => results[i].status === 'fulfilled').map((r) => r.id);
      if (sent.length > 0) {
        await manager.query(`UPDATE ${this.table} SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1)`, [sent]);
      }
      messagingMetrics().outboxPublished.inc(sent.length);
      const outcome: BatchOutcome = { claimed: rows.length, passingFailures: 0, parked: 0 };
      for (const [i, row] of rows.entries()) {
        const result = results[i];
        if (result.status === 'fulfilled') continue;
        const error = describeError(result.reason).slice(0, 2000);
        if (isPassingPublishFailure(result.reason)) {
          outcome.passingFailures++;
          outcome.firstPassingError ??= error;
          await manager.query(`UPDATE ${this.table} SET last_error = $2 WHERE id = $1`, [row.id, error]);
          continue;
        }
        await manager.query(`UPDATE ${this.table} SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [row.id, error]);
        if (row.attempts + 1 >= this.maxAttempts) {
          outcome.parked++;
          await this.raiseParkedAlert(manager, row, error);
        }
      }
      return outcome;
    });
  }

  private async publishAll(rows: OutboxRow[]): Promise<PromiseSettledResult<void>[]> {
    let js: JetStreamClient;
    try {
      js = this.js();
    } catch (err) {
      const away = Object.assign(new Error(describeError(err)), { name: 'NatsNotConnected' });
      return rows.map(() => ({ status: 'rejected', reason: away }));
    }
    return Promise.allSettled(rows.map((row) => this.publishOne(js, row)));
  }

  private async raiseParkedAlert(manager: EntityManager, row: OutboxRow, error: string): Promise<void> {
    this.logger.error(`outbox message ${row.id} (${row.subject}) parked after ${this.maxAttempts} refusals: ${error}`);
    messagingMetrics().outboxParked.inc();
    const alert = parkedAlert({ service: this.service, id: row.id, subject: row.subject, attempts: this.maxAttempts, error }, new Date());
    await manager.query(`INSERT INTO ${this.table} (id, subject, payload) VALUES ($1, $2, $3::jsonb) ON CONFLICT (id) DO NOTHING`, [
      alert.messageId,
      alert.subject,
      JSON.stringify(alert.payload),
    ]);
  }

  private async publishOne(js: JetStreamClient, row: OutboxRow): Promise<void> {
    const h = natsHeaders();
    for (const [k, v] of Object.entries(row.headers ?? {})) h.set(k, v);
    await js.publish(row.subject, JSON.stringify(row.payload), { msgID: row.id, headers: h });
  }
}
