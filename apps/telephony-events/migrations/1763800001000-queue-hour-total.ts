import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every queue together, per (local day, local hour, wait bin): the sums of queue_hour_sum's rows over
 * their queues. The month's statistics for all queues — the wallboard's default — read these rows as
 * they are, instead of adding up every queue's row of every hour and bin per request (over a month of
 * 2.4 M calls in four queues that aggregate was ~135 of the query's ~215 ms during ingest, and it
 * grows with the number of queues). Kept in the same transaction as queue_hour_sum by the rollup
 * worker; filled here from what queue_hour_sum already holds, so a database upgraded mid-month answers
 * the same from the first request.
 */
export class QueueHourTotal1763800001000 implements MigrationInterface {
  name = 'QueueHourTotal1763800001000';

  async up(q: QueryRunner): Promise<void> {
    // The same columns as queue_hour_sum (one definition), less the queue.
    await q.query(`CREATE TABLE telephony.queue_hour_total (LIKE telephony.queue_hour_sum)`);
    await q.query(`ALTER TABLE telephony.queue_hour_total DROP COLUMN queue`);
    await q.query(`ALTER TABLE telephony.queue_hour_total ADD CONSTRAINT queue_hour_total_key UNIQUE NULLS NOT DISTINCT (day, hour, bin)`);
    const sums = (
      await q.query(
        `SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) AS cols FROM information_schema.columns
         WHERE table_schema = 'telephony' AND table_name = 'queue_hour_total' AND column_name NOT IN ('day', 'hour', 'bin')`,
      )
    )[0].cols as string;
    const summed = sums.split(', ').map((c) => `sum(${c})`).join(', ');
    await q.query(`INSERT INTO telephony.queue_hour_total (day, hour, bin, ${sums}) SELECT day, hour, bin, ${summed} FROM telephony.queue_hour_sum GROUP BY day, hour, bin`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE telephony.queue_hour_total`);
  }
}
