import type { EntityManager } from 'typeorm';
import { quoteIdent, type TransactionScope } from '@app/persistence';

export type InboxOutcome = 'processed' | 'duplicate';

export interface InboxItem {
  messageId: string;
  subject: string;
  run: () => Promise<void>;
}

/**
 * Records message ids in the same transaction as the handlers' effects. A redelivered message
 * finds its id already there and changes nothing; two instances racing on one message serialise
 * on the primary key, and the second sees a duplicate once the first commits.
 */
export class Inbox {
  private readonly table: string;

  constructor(private readonly scope: TransactionScope, schema: string) {
    this.table = `${quoteIdent(schema)}.inbox_message`;
  }

  /**
   * Several messages handled by one call: one insert claims their ids, then `work` gets the indexes of the ones not
   * seen before (a set-based handler: one statement for the whole batch), all in one transaction.
   */
  async runTogether(consumer: string, items: Array<Omit<InboxItem, 'run'>>, work: (fresh: number[]) => Promise<void>): Promise<InboxOutcome[]> {
    return this.scope.run(async (manager) => {
      const claimed = new Set(await this.claim(manager, consumer, items));
      const fresh: number[] = [];
      const outcomes = items.map((item, i): InboxOutcome => (claimed.delete(item.messageId) ? (fresh.push(i), 'processed') : 'duplicate'));
      if (fresh.length > 0) await work(fresh);
      return outcomes;
    });
  }

  private async claim(manager: EntityManager, consumer: string, items: Array<Omit<InboxItem, 'run'>>): Promise<string[]> {
    const rows: Array<{ message_id: string }> = await manager.query(
      `INSERT INTO ${this.table} (consumer, message_id, subject)
       SELECT $1, id, subject FROM unnest($2::text[], $3::text[]) AS m(id, subject)
       ON CONFLICT DO NOTHING RETURNING message_id`,
      [consumer, items.map((i) => i.messageId), items.map((i) => i.subject)],
    );
    return rows.map((r) => r.message_id);
  }

  async runOnce(consumer: string, messageId: string, subject: string, work: () => Promise<void>): Promise<InboxOutcome> {
    const [outcome] = await this.runBatch(consumer, [{ messageId, subject, run: work }]);
    return outcome;
  }

  /**
   * Several messages in one transaction: one insert claims all their ids, then each new one's
   * handler runs in order. Any handler error rolls back the whole batch (the caller then retries
   * the messages one by one, so a bad message never takes good ones down with it).
   */
  async runBatch(consumer: string, items: InboxItem[]): Promise<InboxOutcome[]> {
    return this.scope.run(async (manager) => {
      const fresh = new Set(await this.claim(manager, consumer, items));
      const outcomes: InboxOutcome[] = [];
      for (const item of items) {
        // delete(): the same id twice in one batch runs once.
        if (fresh.delete(item.messageId)) {
          await item.run();
          outcomes.push('processed');
        } else {
          outcomes.push('duplicate');
        }
      }
      return outcomes;
    });
  }
}
