import { Client } from 'pg';
import { startPrivateNatsServer, type PrivateNatsServer } from '@app/messaging/testing/nats-server';
import { createTestDatabase, type TestDatabase } from '@app/persistence/testing/test-database';
import type { ServiceConfig } from '@app/platform';

export const TEST_JWT_SECRET = 'test-secret-0123456789abcdef';

/** One throw-away database and one private nats-server for a test file. */
export interface TestEnv {
  db: TestDatabase;
  nats: PrivateNatsServer;
  config(service: string): ServiceConfig;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  dispose(): Promise<void>;
}

export async function createTestEnv(): Promise<TestEnv> {
  const [db, nats] = await Promise.all([createTestDatabase(), startPrivateNatsServer()]);
  const client = new Client({ connectionString: db.url });
  await client.connect();
  return {
    db,
    nats,
    config: (service) => ({
      service,
      databaseUrl: db.url,
      natsServers: [nats.url],
      jwtSecret: TEST_JWT_SECRET,
      port: 0,
      migrationsRun: true,
      streamReplicas: 1,
      logLevel: process.env.TEST_LOG_LEVEL ?? 'error',
    }),
    query: async (sql, params) => (await client.query(sql, params)).rows,
    dispose: async () => {
      await client.end();
      await Promise.allSettled([db.drop(), nats.dispose()]);
    },
  };
}

export function envFor(env: TestEnv, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: env.db.url,
    NATS_URL: env.nats.url,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'warn',
    ...extra,
  };
}
