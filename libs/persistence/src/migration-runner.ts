import type { DataSource } from 'typeorm';
import { quoteIdent } from './sql';

/**
 * Applies the service's pending migrations. The schema itself must exist before TypeORM can keep
 * its migrations table in it, so it is created first (idempotently).
 *
 * Two instances of a service started together (a fresh compose or Kubernetes deployment) would
 * otherwise both apply the same migration, and one would fail its start: the whole step runs under
 * a session advisory lock on the schema's name, so the second waits and then finds nothing pending.
 * The lock dies with the session if the process does.
 */
export async function runServiceMigrations(dataSource: DataSource): Promise<string[]> {
  const schema = (dataSource.options as { schema?: string }).schema ?? 'public';
  const holder = dataSource.createQueryRunner();
  await holder.connect();
  try {
    await holder.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [`migrations:${schema}`]);
    try {
      await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await holder.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [`migrations:${schema}`]);
    }
  } finally {
    await holder.release();
  }
}

export async function revertLastMigration(dataSource: DataSource): Promise<void> {
  await dataSource.undoLastMigration({ transaction: 'each' });
}
