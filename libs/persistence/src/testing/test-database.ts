import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The comment every throw-away database carries; nothing else is ever dropped by these helpers. */
export const TEST_DATABASE_MARK = 'callcentre:throwaway-test-database';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** The server the tests use: TEST_DATABASE_URL, else DATABASE_URL, else this machine's PostgreSQL. */
export function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates a fresh, marked database for one test file, so leftover state or a parallel run never matters. */
export async function createTestDatabase(prefix = 'cc_test'): Promise<TestDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: withDatabase(testServerUrl(), 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.query(`COMMENT ON DATABASE "${name}" IS '${TEST_DATABASE_MARK}'`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(testServerUrl(), name);
  return { name, url, drop: () => dropTestDatabase(name) };
}

export async function isMarkedTestDatabase(admin: Client, name: string): Promise<boolean> {
  const res = await admin.query(
    `SELECT shobj_description(oid, 'pg_database') AS mark FROM pg_database WHERE datname = $1`,
    [name],
  );
  return res.rows[0]?.mark === TEST_DATABASE_MARK;
}

/** Drops a database only if it carries the test mark; refuses (throws) for anything else. */
export async function dropTestDatabase(name: string): Promise<void> {
  const admin = new Client({ connectionString: withDatabase(testServerUrl(), 'postgres') });
  await admin.connect();
  try {
    if (!(await isMarkedTestDatabase(admin, name))) {
      throw new Error(`refusing to drop database "${name}": it is not marked as a test database`);
    }
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
