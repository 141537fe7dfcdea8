import { randomUUID } from 'node:crypto';
import { quoteIdent, type TransactionScope } from '@app/persistence';

export interface OutboxMessage {
  subject: string;
  payload: unknown;
  /** Becomes `Nats-Msg-Id`; give a business id (e.g. `score-2026-10-A1001-r1`) to make re-adding a no-op. */
  messageId?: string;
  headers?: Record<string, string>;
}

/**
 * Writes events into the outbox inside the caller's business transaction (never outside one:
 * an event without its business row, or a row without its event, is exactly what this prevents).
 */
export class OutboxWriter {
  private readonly table: string;

  constructor(
    private readonly scope: TransactionScope,
    schema: string,
    private readonly onCommitted: () => void = () => undefined,
  ) {
    this.table = `${quoteIdent(schema)}.outbox_message`;
  }

  async add(...messages: OutboxMessage[]): Promise<string[]> {
    if (!this.scope.inTransaction()) {
      throw new Error('OutboxWriter.add() must run inside TransactionScope.run(): the outbox row belongs to the business transaction');
    }
    if (messages.length === 0) return [];
    const { ids, values, params } = this.rows(messages, 1);
    await this.scope.manager().query(
      `INSERT INTO ${this.table} (id, subject, payload, headers) VALUES ${values} ON CONFLICT (id) DO NOTHING`,
      params,
    );
    this.scope.afterCommit(this.onCommitted);
    return ids;
  }

  /**
   * `add` for thousands of messages at once (a batch job): the rows travel as ONE jsonb parameter, so neither the driver
   * binds four parameters a row nor PostgreSQL plans a VALUES list as long as the batch. Same rules as `add`.
   */
  async addMany(messages: OutboxMessage[]): Promise<string[]> {
    if (!this.scope.inTransaction()) {
      throw new Error('OutboxWriter.addMany() must run inside TransactionScope.run(): the outbox row belongs to the business transaction');
    }
    if (messages.length === 0) return [];
    const ids = messages.map((m) => m.messageId ?? randomUUID());
    // The key is left out when there are no headers: `m->'headers'` is then SQL NULL, as `add` writes it.
    const rows = messages.map((m, i) => ({ id: ids[i], subject: m.subject, payload: m.payload, ...(m.headers ? { headers: m.headers } : {}) }));
    await this.scope.manager().query(
      `INSERT INTO ${this.table} (id, subject, payload, headers)
       SELECT m->>'id', m->>'subject', m->'payload', m->'headers' FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(m, n)
       ORDER BY n
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(rows)],
    );
    this.scope.afterCommit(this.onCommitted);
    return ids;
  }

  /**
   * For a hot path that writes its business rows and their events in ONE statement (data-modifying CTEs): a single
   * statement is atomic without BEGIN/COMMIT, so the write is one round trip and still never leaves an event without
   * its row. This is the outbox INSERT for such a statement, writing `messages` only when `onlyIf` (SQL over the
   * statement's other CTEs, e.g. `EXISTS (SELECT 1 FROM added)`) holds, with its parameters numbered from `first`.
   * Call `written()` once the statement has run.
   */
  insertSql(messages: OutboxMessage[], first: number, onlyIf = 'true'): { sql: string; params: unknown[] } {
    const { values, params } = this.rows(messages, first);
    return {
      sql: `INSERT INTO ${this.table} (id, subject, payload, headers)
            SELECT * FROM (VALUES ${values}) AS m (id, subject, payload, headers) WHERE ${onlyIf} ON CONFLICT (id) DO NOTHING`,
      params,
    };
  }

  /** After a statement built with `insertSql` wrote rows: wakes the relay now, or when the open transaction commits. */
  written(): void {
    if (this.scope.inTransaction()) this.scope.afterCommit(this.onCommitted);
    else this.onCommitted();
  }

  private rows(messages: OutboxMessage[], first: number): { ids: string[]; values: string; params: unknown[] } {
    const ids = messages.map((m) => m.messageId ?? randomUUID());
    const params: unknown[] = [];
    const values = messages.map((m, i) => {
      params.push(ids[i], m.subject, JSON.stringify(m.payload), m.headers ? JSON.stringify(m.headers) : null);
      const p = first + i * 4;
      return `($${p}::text, $${p + 1}::text, $${p + 2}::jsonb, $${p + 3}::jsonb)`;
    });
    return { ids, values: values.join(', '), params };
  }
}
