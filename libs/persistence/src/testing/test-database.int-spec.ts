import { Client } from 'pg';
import { createTestDatabase, dropTestDatabase, testServerUrl } from './test-database';

describe('throw-away test databases', () => {
  it('creates a marked database and drops it', async () => {
    const db = await createTestDatabase();
    const c = new Client({ connectionString: db.url });
    await c.connect();
    expect((await c.query('SELECT current_database() AS d')).rows[0].d).toBe(db.name);
    await c.end();
    await db.drop();
    const admin = new Client({ connectionString: testServerUrl() });
    await admin.connect();
    expect((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [db.name])).rowCount).toBe(0);
    await admin.end();
  });

  it('refuses to drop a database that is not marked as a test database', async () => {
    const admin = new Client({ connectionString: testServerUrl() });
    await admin.connect();
    const name = `cc_unmarked_${process.pid}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    try {
      await expect(dropTestDatabase(name)).rejects.toThrow(/refusing to drop database "cc_unmarked_\d+": it is not marked/);
      expect((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount).toBe(1);
    } finally {
      await admin.query(`DROP DATABASE "${name}"`);
      await admin.end();
    }
  });
});
