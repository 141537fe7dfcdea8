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
    const ids = messages.map((m) => m.messageId ?? randomUUID());
    const params: unknown[] = [];
    const values = messages.map((m, i) => {
      params.push(ids[i], m.subject, JSON.stringify(m.payload), m.headers ? JSON.stringify(m.headers) : null);
      const p = i * 4;
      return `($${p + 1}, $${p + 2}, $${p + 3}::jsonb, $${p + 4}::jsonb)`;
    });
    await this.scope.manager().query(
      `INSERT INTO ${this.table} (id, subject, payload, headers) VALUES ${values.join(', ')} ON CONFLICT (id) DO NOTHING`,
      params,
    );
    this.scope.afterCommit(this.onCommitted);
    return ids;
  }
}
