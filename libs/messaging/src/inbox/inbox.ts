import { quoteIdent, type TransactionScope } from '@app/persistence';

export type InboxOutcome = 'processed' | 'duplicate';

/**
 * Records a message id in the same transaction as the handler's effects. A redelivered message
 * finds its id already there and changes nothing; two instances racing on one message serialise
 * on the primary key, and the second sees a duplicate once the first commits.
 */
export class Inbox {
  private readonly table: string;

  constructor(private readonly scope: TransactionScope, schema: string) {
    this.table = `${quoteIdent(schema)}.inbox_message`;
  }

  async runOnce(consumer: string, messageId: string, subject: string, work: () => Promise<void>): Promise<InboxOutcome> {
    return this.scope.run(async (manager) => {
      const rows: unknown[] = await manager.query(
        `INSERT INTO ${this.table} (consumer, message_id, subject) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING 1`,
        [consumer, messageId, subject],
      );
      if (rows.length === 0) return 'duplicate';
      await work();
      return 'processed';
    });
  }
}
