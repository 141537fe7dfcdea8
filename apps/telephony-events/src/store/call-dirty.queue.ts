import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';

/**
 * Calls whose facts must be (re)derived. Marked in the same transaction that stores their events;
 * claimed with SKIP LOCKED, so any number of summarizers share the work and a call is derived by
 * one of them at a time. A mark holds its row locked until the storing transaction commits, and
 * an event stored while its call is claimed marks it again, so every stored event is seen by a
 * later derivation, whatever the interleaving.
 */
export abstract class CallDirtyQueue {
  abstract mark(callIds: string[]): Promise<void>;
  abstract claim(limit: number): Promise<string[]>;
  /** Claims these calls if they are dirty and free (a call is looked at alone when its batch failed). */
  abstract claimCalls(callIds: string[]): Promise<string[]>;
  /** Open calls whose last event is older than `olderThan`: candidates for the timeout close. */
  abstract markStale(olderThan: Date): Promise<number>;
  abstract markAll(from: Date, to: Date): Promise<number>;
  /** Calls waiting to be derived, those being derived included. */
  abstract backlog(): Promise<number>;
}

@Injectable()
export class PgCallDirtyQueue extends CallDirtyQueue {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async mark(callIds: string[]): Promise<void> {
    if (callIds.length === 0) return;
    // DO UPDATE, not DO NOTHING: the row stays locked until this transaction commits, so a
    // summarizer (SKIP LOCKED) cannot claim the call and derive it without the events being
    // stored here. Sorted ids: concurrent batches lock shared calls in one order (no deadlock).
    await this.scope.manager().query(
      `INSERT INTO telephony.call_dirty (call_id)
       SELECT DISTINCT c FROM unnest($1::text[]) AS c ORDER BY c
       ON CONFLICT (call_id) DO UPDATE SET marked_at = telephony.call_dirty.marked_at`,
      [callIds],
    );
  }

  async claim(limit: number): Promise<string[]> {
    // Wrapped in a SELECT: TypeORM answers a bare DELETE … RETURNING with [rows, count], not rows.
    const rows: Array<{ call_id: string }> = await this.scope.manager().query(
      `WITH claimed AS (
         DELETE FROM telephony.call_dirty WHERE call_id IN (
           SELECT call_id FROM telephony.call_dirty ORDER BY marked_at LIMIT $1 FOR UPDATE SKIP LOCKED
         ) RETURNING call_id
       ) SELECT call_id FROM claimed`,
      [limit],
    );
    return rows.map((r) => r.call_id);
  }

  async claimCalls(callIds: string[]): Promise<string[]> {
    const rows: Array<{ call_id: string }> = await this.scope.manager().query(
      `WITH claimed AS (
         DELETE FROM telephony.call_dirty WHERE call_id IN (
           SELECT call_id FROM telephony.call_dirty WHERE call_id = ANY($1::text[]) FOR UPDATE SKIP LOCKED
         ) RETURNING call_id
       ) SELECT call_id FROM claimed`,
      [callIds],
    );
    return rows.map((r) => r.call_id);
  }

  async markStale(olderThan: Date): Promise<number> {
    const rows: unknown[] = await this.scope.manager().query(
      `INSERT INTO telephony.call_dirty (call_id)
       SELECT call_id FROM telephony.call_facts WHERE open AND last_event_at < $1
       ON CONFLICT DO NOTHING RETURNING 1`,
      [olderThan.toISOString()],
    );
    return rows.length;
  }

  async markAll(from: Date, to: Date): Promise<number> {
    const rows: unknown[] = await this.scope.manager().query(
      `INSERT INTO telephony.call_dirty (call_id)
       SELECT DISTINCT call_id FROM telephony.call_event WHERE occurred_at >= $1 AND occurred_at < $2
       ON CONFLICT DO NOTHING RETURNING 1`,
      [from.toISOString(), to.toISOString()],
    );
    return rows.length;
  }

  async backlog(): Promise<number> {
    const rows: Array<{ n: number }> = await this.scope.manager().query(`SELECT count(*)::int AS n FROM telephony.call_dirty`);
    return rows[0].n;
  }
}
