import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The categories as pinned by this migration (issue 16); later additions to COMPLAINT_CATEGORIES need no data change. */
const PINNED = ['attitude', 'knowledge', 'process', 'other'];

/**
 * Complaint categories are pinned to COMPLAINT_CATEGORIES: a judged complaint filed under any other (free-text)
 * category becomes `other`. The original values are kept aside so `down` puts them back.
 */
export class ComplaintCategories1763800000500 implements MigrationInterface {
  name = 'ComplaintCategories1763800000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE qa.complaint_category_unpinned (complaint_id text PRIMARY KEY, category text NOT NULL)`);
    await q.query(
      `INSERT INTO qa.complaint_category_unpinned (complaint_id, category)
       SELECT complaint_id, category FROM qa.complaint WHERE category IS NOT NULL AND category <> ALL($1::text[])`,
      [PINNED],
    );
    await q.query(`UPDATE qa.complaint SET category = 'other' WHERE complaint_id IN (SELECT complaint_id FROM qa.complaint_category_unpinned)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE qa.complaint c SET category = u.category FROM qa.complaint_category_unpinned u WHERE u.complaint_id = c.complaint_id`);
    await q.query(`DROP TABLE qa.complaint_category_unpinned`);
  }
}
