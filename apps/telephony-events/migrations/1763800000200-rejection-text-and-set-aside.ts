import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rejected input is kept as escaped, truncated text: jsonb refuses NUL, lone surrogates and very
 * deep nesting, and a refused rejection used to cost the valid items of its batch.
 * Calls whose derivation keeps failing are counted and set aside here, so they stop blocking the rest.
 */
export class RejectionTextAndSetAside1763800000200 implements MigrationInterface {
  name = 'RejectionTextAndSetAside1763800000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE telephony.ingest_rejection ALTER COLUMN errors DROP NOT NULL`);
    await q.query(`ALTER TABLE telephony.ingest_rejection ADD COLUMN errors_text text, ADD COLUMN raw_text text`);
    await q.query(`CREATE TABLE telephony.derivation_failure (
      call_id text PRIMARY KEY,
      attempts integer NOT NULL,
      last_error text NOT NULL,
      first_failed_at timestamptz NOT NULL DEFAULT now(),
      last_failed_at timestamptz NOT NULL DEFAULT now(),
      set_aside_at timestamptz,
      times_set_aside integer NOT NULL DEFAULT 0
    )`);
    await q.query(`CREATE INDEX derivation_failure_set_aside ON telephony.derivation_failure (set_aside_at) WHERE set_aside_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE telephony.derivation_failure`);
    await q.query(`ALTER TABLE telephony.ingest_rejection DROP COLUMN errors_text, DROP COLUMN raw_text`);
  }
}
