import type { DataSource } from 'typeorm';
import { quoteIdent } from '@app/persistence';
import type { OutboxBacklog, ParkedOutboxRow } from './outbox-backlog';

/**
 * The operator's view of one service's outbox: what waits, what is parked, and a resend for a
 * parked row once its cause is fixed. Parked = unsent with attempts at the relay's limit, so it
 * needs no column beyond the ones every service already has.
 */
export class OutboxParking {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
    private readonly maxAttempts: number,
    private readonly onResend: () => void = () => undefined,
  ) {
    this.table = `${quoteIdent(schema)}.outbox_message`;
  }

  async backlog(): Promise<OutboxBacklog> {
    const [r] = await this.dataSource.query(
      `SELECT count(*)::int AS unsent,
              count(*) FILTER (WHERE attempts >= $1)::int AS parked,
              COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS oldest,
              COALESCE(EXTRACT(EPOCH FROM now() - min(created_at) FILTER (WHERE attempts < $1)), 0)::float8 AS oldest_pending
         FROM ${this.table} WHERE sent_at IS NULL`,
      [this.maxAttempts],
    );
    return {
      unsent: r.unsent,
      parked: r.parked,
      oldestUnsentAgeSeconds: round3(r.oldest),
      oldestPendingAgeSeconds: round3(r.oldest_pending),
    };
  }

  /** Parked rows, oldest first, `afterSeq` for the next page. */
  async listParked(limit: number, afterSeq = 0): Promise<ParkedOutboxRow[]> {
    const rows: Array<{ id: string; seq: string; subject: string; created_at: Date; attempts: number; last_error: string | null; bytes: number }> =
      await this.dataSource.query(
        `SELECT id, seq, subject, created_at, attempts, last_error, octet_length(payload::text)::int AS bytes
           FROM ${this.table}
          WHERE sent_at IS NULL AND attempts >= $1 AND seq > $2
          ORDER BY seq LIMIT $3`,
        [this.maxAttempts, afterSeq, limit],
      );
    return rows.map((r) => ({
      id: r.id,
      seq: Number(r.seq),
      subject: r.subject,
      createdAt: r.created_at.toISOString(),
      attempts: r.attempts,
      lastError: r.last_error,
      payloadBytes: r.bytes,
    }));
  }

  /** Gives a parked row its attempts back; false when no parked row has that id. Its last error stays until it is sent. */
  async resend(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      // As a CTE, so the driver answers with the rows (a bare UPDATE answers [rows, count]).
      `WITH resent AS (UPDATE ${this.table} SET attempts = 0 WHERE id = $1 AND sent_at IS NULL AND attempts >= $2 RETURNING id)
       SELECT id FROM resent`,
      [id, this.maxAttempts],
    );
    if (rows.length === 0) return false;
    this.onResend();
    return true;
  }
}

function round3(n: number): number {
  return Math.round(Number(n) * 1000) / 1000;
}
