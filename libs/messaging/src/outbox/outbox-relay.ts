import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { headers as natsHeaders } from '@nats-io/transport-node';
import type { JetStreamClient } from '@nats-io/jetstream';
import { quoteIdent } from '@app/persistence';
import { DrainLoop } from '../background/drain-loop';
import { describeError } from '../errors';
import { messagingMetrics } from '../metrics';

export interface OutboxRelayOptions {
  schema: string;
  batchSize?: number;
  /** Safety net for rows committed by other instances or before a crash; commits kick it at once. */
  pollIntervalMs?: number;
}

interface OutboxRow {
  id: string;
  subject: string;
  payload: unknown;
  headers: Record<string, string> | null;
}

/**
 * Publishes committed outbox rows to JetStream with `Nats-Msg-Id` = row id, and marks them sent
 * once the stream acknowledged. Rows are claimed with FOR UPDATE SKIP LOCKED, so any number of
 * instances can run it. A crash after publishing but before marking republishes the same id,
 * which the stream's duplicate window and every consumer's inbox both discard.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly table: string;
  private readonly batchSize: number;
  private readonly loop: DrainLoop;

  constructor(
    private readonly dataSource: DataSource,
    private readonly js: () => JetStreamClient,
    options: OutboxRelayOptions,
  ) {
    this.table = `${quoteIdent(options.schema)}.outbox_message`;
    this.batchSize = options.batchSize ?? 200;
    this.loop = new DrainLoop(() => this.flush(), options.pollIntervalMs ?? 500, (err) =>
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

  /** Publishes everything pending now; returns how many rows were published. */
  async flush(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.publishBatch();
      total += n;
      if (n < this.batchSize) return total;
    }
  }

  private async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, subject, payload, headers FROM ${this.table}
         WHERE sent_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      if (rows.length === 0) return 0;
      const js = this.js();
      const results = await Promise.allSettled(rows.map((row) => this.publishOne(js, row)));
      const sent = rows.filter((_, i) => results[i].status === 'fulfilled').map((r) => r.id);
      const failed = rows.filter((_, i) => results[i].status === 'rejected');
      if (sent.length > 0) {
        await manager.query(`UPDATE ${this.table} SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1)`, [sent]);
      }
      for (const row of failed) {
        const reason = describeError((results[rows.indexOf(row)] as PromiseRejectedResult).reason);
        await manager.query(`UPDATE ${this.table} SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [row.id, reason]);
      }
      messagingMetrics().outboxPublished.inc(sent.length);
      if (failed.length > 0) throw new Error(`${failed.length} outbox message(s) not acknowledged by the stream`);
      return rows.length;
    });
  }

  private async publishOne(js: JetStreamClient, row: OutboxRow): Promise<void> {
    const h = natsHeaders();
    for (const [k, v] of Object.entries(row.headers ?? {})) h.set(k, v);
    await js.publish(row.subject, JSON.stringify(row.payload), { msgID: row.id, headers: h });
  }
}
