import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteIdent } from '@app/persistence';

/**
 * Every service's table of `Idempotency-Key`s (added to its migrations by the platform, `serviceMigrations`): one row
 * per caller and key, the request's fingerprint, and the first answer once there is one.
 */
export function idempotencyKeysMigration(schema: string): new () => MigrationInterface {
  const table = `${quoteIdent(schema)}.idempotency_key`;
  return class implements MigrationInterface {
    name = 'IdempotencyKeys1764800000000';
    async up(q: QueryRunner): Promise<void> {
      await q.query(`CREATE TABLE ${table} (
        principal text NOT NULL, key text NOT NULL, fingerprint text NOT NULL, state text NOT NULL, status integer,
        response jsonb, claimed_at timestamptz NOT NULL DEFAULT clock_timestamp(), PRIMARY KEY (principal, key))`);
      await q.query(`CREATE INDEX idempotency_key_claimed ON ${table} (claimed_at)`);
    }
    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE ${table}`);
    }
  };
}
