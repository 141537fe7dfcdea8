import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runServiceMigrations } from './migration-runner';
import { createServiceDataSource } from './service-data-source';
import { createTestDatabase, type TestDatabase } from './testing/test-database';

/** A migration slow enough that two instances starting together overlap inside it. */
class CreateThings1700000000001 implements MigrationInterface {
  name = 'CreateThings1700000000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE svc.things (id int PRIMARY KEY)`);
    await q.query(`SELECT pg_sleep(0.3)`);
    await q.query(`INSERT INTO svc.things VALUES (1)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE svc.things`);
  }
}

describe('migrations when two instances start at once', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('cc_migrate');
  });
  afterAll(async () => {
    await db.drop();
  });

  it('applies each migration once; the second instance waits and finds nothing pending', async () => {
    const sources = [1, 2].map((i) => createServiceDataSource({ url: db.url, schema: 'svc', migrations: [CreateThings1700000000001], applicationName: `instance-${i}` }));
    await Promise.all(sources.map((s) => s.initialize()));
    try {
      const applied = await Promise.all(sources.map((s) => runServiceMigrations(s)));
      expect(applied.map((a) => a.length).sort()).toEqual([0, 1]);
      expect(applied.flat()).toEqual(['CreateThings1700000000001']);
      expect(await sources[0].query(`SELECT count(*)::int AS n FROM svc.migrations`)).toEqual([{ n: 1 }]);
      expect(await sources[0].query(`SELECT id FROM svc.things`)).toEqual([{ id: 1 }]);
    } finally {
      await Promise.all(sources.map((s) => s.destroy()));
    }
  });
});
