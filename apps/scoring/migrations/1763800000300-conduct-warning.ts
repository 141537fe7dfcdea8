import type { MigrationInterface, QueryRunner } from 'typeorm';

/** qa-evaluation marks a first offence it recorded as a warning (`warning`, amount 0): kept, and honoured. */
export class ConductWarning1763800000300 implements MigrationInterface {
  name = 'ConductWarning1763800000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scoring.conduct_record ADD COLUMN warning boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scoring.conduct_record DROP COLUMN warning`);
  }
}
