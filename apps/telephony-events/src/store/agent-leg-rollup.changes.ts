import type { EntityManager } from 'typeorm';

/**
 * A change is noted by the quarter hour it falls in: every zone's offset is a whole number of
 * quarter hours, so a quarter hour lies inside one local day whatever the policy's zone, and a
 * batch of calls notes a few rows instead of one per leg.
 */
const CHANGE_SLOT = '15 minutes';

/**
 * Notes, in the transaction that writes them, where agent legs change: the legs of `replacedCalls`
 * still stored (call it before deleting them) and the new legs' instants (epoch ms). The rollup
 * worker recomputes the local days these fall on. Append-only, so concurrent writers never contend
 * on a row, nor wait for the worker.
 */
export async function noteLegChanges(db: EntityManager, replacedCalls: string[], newLegsAt: number[]): Promise<void> {
  if (replacedCalls.length === 0 && newLegsAt.length === 0) return;
  await db.query(
    `INSERT INTO telephony.agent_leg_change (at)
     SELECT DISTINCT date_bin('${CHANGE_SLOT}', at, timestamptz 'epoch') FROM (
       SELECT at FROM telephony.call_leg WHERE call_id = ANY($1::text[])
       UNION ALL
       SELECT to_timestamp(ms / 1000) FROM unnest($2::float8[]) AS ms
     ) AS legs`,
    [replacedCalls, newLegsAt],
  );
}

/**
 * The same notes for the hourly queue rollup (store/queue-hour-rollup.store.ts), by the calls' arrival in
 * the queue: where the in-queue calls `savedCalls` stood (call it before their rows are replaced) and
 * where they stand now (`newArrivalsAt`, epoch ms). A call's queue, answer or abandonment can change
 * with any late event, so every save of a queued call notes its quarter hour; DISTINCT keeps that to a
 * few rows a batch.
 */
export async function noteQueueCallChanges(db: EntityManager, savedCalls: string[], newArrivalsAt: number[]): Promise<void> {
  if (savedCalls.length === 0 && newArrivalsAt.length === 0) return;
  await db.query(
    `INSERT INTO telephony.queue_call_change (at)
     SELECT DISTINCT date_bin('${CHANGE_SLOT}', at, timestamptz 'epoch') FROM (
       SELECT arrival_at AS at FROM telephony.call_facts WHERE call_id = ANY($1::text[]) AND in_queue
       UNION ALL
       SELECT to_timestamp(ms / 1000) FROM unnest($2::float8[]) AS ms
     ) AS calls`,
    [savedCalls, newArrivalsAt],
  );
}
