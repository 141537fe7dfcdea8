import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A record keeps the catalogue category of its code (published on `qa.conduct.recorded`) and the local day it is
 * about, when it is about one. Existing records take their code's category from the catalogue as it stands.
 */
export class ConductRecordDateCategory1763800000700 implements MigrationInterface {
  name = 'ConductRecordDateCategory1763800000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE qa.conduct_record ADD COLUMN category text, ADD COLUMN date date`);
    await q.query(`UPDATE qa.conduct_record r SET category = c.item->>'category' FROM qa.conduct_catalogue c WHERE c.code = r.code`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE qa.conduct_record DROP COLUMN date, DROP COLUMN category`);
  }
}
