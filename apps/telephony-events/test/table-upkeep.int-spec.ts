import { TransactionScope } from '@app/persistence';
import { waitFor } from '../../../tests/support/wait-for';
import { CallDirtyQueue } from '../src/store/call-dirty.queue';
import { CallSummarizer } from '../src/summarize/call-summarizer';
import { TableUpkeepWorker } from '../src/table-upkeep/table-upkeep.worker';
import { startTelephony, type TelephonyHarness } from './telephony-harness';

/**
 * The dirty-call queue is the table that churns most: every stored batch marks calls, every derivation
 * deletes them. Where the server's autovacuum is off (this project's CI server), the service keeps it.
 */
describe('table upkeep where autovacuum is off', () => {
  let t: TelephonyHarness;
  let scope: TransactionScope;

  beforeAll(async () => {
    t = await startTelephony();
    await t.app.get(CallSummarizer).onApplicationShutdown(); // this test claims by hand
    await t.app.get(TableUpkeepWorker).onApplicationShutdown(); // and runs the passes itself
    scope = t.app.get(TransactionScope);
  });
  afterAll(async () => t?.close());

  const dirtyStats = async () =>
    (
      await scope.dataSource.query(
        `SELECT n_live_tup::int AS live, n_dead_tup::int AS dead, last_vacuum FROM pg_stat_user_tables WHERE schemaname = 'telephony' AND relname = 'call_dirty'`,
      )
    )[0] as { live: number; dead: number; last_vacuum: Date | null };

  it('vacuums the dirty-call queue once its dead rows pass the server\'s threshold, and only where autovacuum is off', async () => {
    const queue = t.app.get(CallDirtyQueue);
    const ids = Array.from({ length: 2_000 }, (_, i) => `upkeep-${i}`);
    for (let round = 0; round < 3; round++) {
      await scope.run(() => queue.mark(ids));
      expect(await scope.run(() => queue.claim(5_000))).toHaveLength(ids.length);
    }
    // The server's statistics arrive a moment after the commits, each backend flushing its own counts
    // (up to 10 s after it goes idle). Wait for every round's: a count flushed after the VACUUM would
    // be added to the 0 it leaves (CI at 0cebbcb read 2,000 dead after it, one round's worth).
    const deleted = ids.length * 3;
    const before = await waitFor(async () => {
      const s = await dirtyStats();
      return s.dead >= deleted ? s : null;
    }, `${deleted} dead rows in call_dirty`);
    expect(before.dead).toBe(deleted);
    expect(before.last_vacuum).toBeNull();

    const [{ on }] = await scope.dataSource.query(`SELECT current_setting('autovacuum')::boolean AS on`);
    const done = await t.app.get(TableUpkeepWorker).pass();
    if (on) {
      expect(done).toEqual({ vacuumed: [], analyzed: [] });
      return;
    }
    expect(done.vacuumed[0]).toBe('call_dirty');
    const after = await dirtyStats();
    expect(after.dead).toBe(0);
    expect(after.last_vacuum).not.toBeNull();
    // Nothing is left due right after: a second pass finds nothing to vacuum.
    expect((await t.app.get(TableUpkeepWorker).pass()).vacuumed).not.toContain('call_dirty');
  });
});
