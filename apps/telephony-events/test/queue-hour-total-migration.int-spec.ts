import { Client } from 'pg';
import { createServiceDataSource, runServiceMigrations } from '@app/persistence';
import { createTestDatabase, type TestDatabase } from '@app/persistence/testing/test-database';
import { TELEPHONY_MIGRATIONS } from '../migrations';

/**
 * A database upgraded mid-month: its per-queue rollup already holds hours, and the all-queue rows the
 * statistics of every queue now read must hold their sums from the first request on.
 */
describe('the queue_hour_total migration on a rollup built before it', () => {
  let db: TestDatabase;
  let c: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    const upTo = TELEPHONY_MIGRATIONS.findIndex((m) => m.name === 'QueueHourTotal1763800001000');
    const before = createServiceDataSource({ url: db.url, schema: 'telephony', migrations: TELEPHONY_MIGRATIONS.slice(0, upTo) });
    await before.initialize();
    await before.query('CREATE SCHEMA IF NOT EXISTS telephony');
    await runServiceMigrations(before);
    // Two queues in one hour and bin (summed), a third queue alone in another bin, a null talk sum beside a number.
    await before.query(
      `INSERT INTO telephony.queue_hour_sum (day, hour, queue, bin, offered, answered, ab_hangup, ab_timeout, ab_empty, ab_key, ab_withdraw,
         after_target, timeouts, within_target, answered_wait_sum, answered_wait_count, talk_ms, hold_ms, missed_legs, ring_sum_ms, ring_count,
         bin_calls, bin_answered, bin_abandoned) VALUES
       ('2026-11-02', '2026-11-02 09:00', 'sales',   0, 10, 8, 2, 0, 0, 0, 0, 1, 0, 7, 40000, 8, 4800000, 30000, 3, 60000, 11, 10, 8, 2),
       ('2026-11-02', '2026-11-02 09:00', 'support', 0,  5, 5, 0, 0, 0, 0, 0, 0, 0, 5, 10000, 5, NULL,    0,     0, 20000, 5,  5,  5, 0),
       ('2026-11-02', '2026-11-02 09:00', 'vip',     3,  1, 0, 0, 1, 0, 0, 0, 1, 1, 0, NULL,  0, NULL,    NULL,  0, 0,     0,  1,  0, 1)`,
    );
    await before.destroy();
    const after = createServiceDataSource({ url: db.url, schema: 'telephony', migrations: TELEPHONY_MIGRATIONS });
    await after.initialize();
    await runServiceMigrations(after);
    await after.destroy();
    c = new Client({ connectionString: db.url });
    await c.connect();
  });
  afterAll(async () => {
    await c?.end();
    await db?.drop();
  });

  it('fills every (day, hour, bin) with the sums over its queues', async () => {
    const rows = (await c.query(
      `SELECT bin, offered, answered, ab_hangup, ab_timeout, after_target, timeouts, within_target, answered_wait_sum::int, answered_wait_count,
              talk_ms::int, hold_ms::int, missed_legs::int, ring_sum_ms::int, ring_count::int, bin_calls, bin_answered, bin_abandoned
       FROM telephony.queue_hour_total ORDER BY bin`,
    )).rows;
    expect(rows).toEqual([
      { bin: 0, offered: 15, answered: 13, ab_hangup: 2, ab_timeout: 0, after_target: 1, timeouts: 0, within_target: 12, answered_wait_sum: 50000, answered_wait_count: 13,
        talk_ms: 4800000, hold_ms: 30000, missed_legs: 3, ring_sum_ms: 80000, ring_count: 16, bin_calls: 15, bin_answered: 13, bin_abandoned: 2 },
      { bin: 3, offered: 1, answered: 0, ab_hangup: 0, ab_timeout: 1, after_target: 1, timeouts: 1, within_target: 0, answered_wait_sum: null, answered_wait_count: 0,
        talk_ms: null, hold_ms: null, missed_legs: 0, ring_sum_ms: 0, ring_count: 0, bin_calls: 1, bin_answered: 0, bin_abandoned: 1 },
    ]);
  });

  it('has no queue column, and one row per (day, hour, bin) at most', async () => {
    const cols = (await c.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'telephony' AND table_name = 'queue_hour_total'`)).rows.map((r) => r.column_name);
    expect(cols).not.toContain('queue');
    await expect(c.query(`INSERT INTO telephony.queue_hour_total SELECT * FROM telephony.queue_hour_total LIMIT 1`)).rejects.toThrow(/queue_hour_total_key/);
  });
});
