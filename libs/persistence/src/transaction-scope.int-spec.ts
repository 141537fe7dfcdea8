import { createServiceDataSource } from './service-data-source';
import { createTestDatabase, type TestDatabase } from './testing/test-database';
import { isTransientConflict, TransactionScope } from './transaction-scope';

describe('TransactionScope (real PostgreSQL)', () => {
  let db: TestDatabase;
  let scope: TransactionScope;

  beforeAll(async () => {
    db = await createTestDatabase();
    const ds = createServiceDataSource({ url: db.url, schema: 'public' });
    await ds.initialize();
    await ds.query(`CREATE TABLE account (id int PRIMARY KEY, balance int NOT NULL)`);
    await ds.query(`INSERT INTO account VALUES (1, 100), (2, 100)`);
    scope = new TransactionScope(ds);
  });
  afterAll(async () => {
    await scope?.dataSource.destroy();
    await db?.drop();
  });

  it('runs a deadlocked transaction again, so both sides of the deadlock commit', async () => {
    let attempts = 0;
    const bothLockedFirst = barrier(2);
    const transfer = (from: number, to: number) =>
      scope.run(async (m) => {
        attempts++;
        await m.query(`UPDATE account SET balance = balance - 10 WHERE id = $1`, [from]);
        await bothLockedFirst(); // first attempts only: each now waits for the other's row
        await m.query(`UPDATE account SET balance = balance + 10 WHERE id = $1`, [to]);
      });
    await Promise.all([transfer(1, 2), transfer(2, 1)]);
    expect(attempts).toBe(3); // PostgreSQL aborted one side once
    const rows = await scope.dataSource.query(`SELECT id, balance FROM account ORDER BY id`);
    expect(rows).toEqual([{ id: 1, balance: 100 }, { id: 2, balance: 100 }]);
  });

  it('does not retry other errors, and runs after-commit hooks only on commit', async () => {
    let hooks = 0;
    await expect(
      scope.run(async (m) => {
        scope.afterCommit(() => hooks++);
        await m.query(`SELECT * FROM no_such_table`);
      }),
    ).rejects.toThrow(/no_such_table/);
    await scope.run(async () => scope.afterCommit(() => hooks++));
    expect(hooks).toBe(1);
  });

  it('recognises deadlock and serialization failures only', () => {
    expect(isTransientConflict({ driverError: { code: '40P01' } })).toBe(true);
    expect(isTransientConflict({ code: '40001' })).toBe(true);
    expect(isTransientConflict({ code: '23505' })).toBe(false);
  });
});

/** Resolves every waiter once `n` have arrived; later calls pass straight through. */
function barrier(n: number): () => Promise<void> {
  let waiting: Array<() => void> = [];
  let open = false;
  return () => {
    if (open) return Promise.resolve();
    return new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (waiting.length === n) {
        open = true;
        waiting.forEach((w) => w());
        waiting = [];
      }
    });
  };
}
