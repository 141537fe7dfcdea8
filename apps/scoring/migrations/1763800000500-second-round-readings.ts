import { DateTime } from 'luxon';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_POLICY } from '../src/domain/policy/default-policy';

/**
 * Issue 16's readings need facts scoring did not keep: HR's level settings by month, each person's supervisor, the
 * day's full-attendance answer, a record's catalogue category and the day it is about, a complaint's category.
 * A database whose default policy predates them gets the corrected default as a new version, effective from the
 * month the migration runs (closed months keep the policy they were closed under).
 */
export class SecondRoundReadings1763800000500 implements MigrationInterface {
  name = 'SecondRoundReadings1763800000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scoring.agent ADD COLUMN supervisor_id text`);
    await q.query(`CREATE TABLE scoring.agent_level (
      agent_id text NOT NULL, effective_from text NOT NULL, level text NOT NULL, version integer NOT NULL, PRIMARY KEY (agent_id, effective_from))`);
    await q.query(`ALTER TABLE scoring.attendance_day ADD COLUMN breaks_full boolean`);
    await q.query(`ALTER TABLE scoring.conduct_record ADD COLUMN category text, ADD COLUMN date date`);
    await q.query(`ALTER TABLE scoring.complaint ADD COLUMN category text`);
    const [active] = await q.query(`SELECT policy_version, document FROM scoring.policy WHERE activated_at IS NOT NULL ORDER BY activated_at DESC LIMIT 1`);
    if (active?.policy_version === 'default-1' && active.document?.pay?.awardBarringCategories === undefined) {
      const from = DateTime.now().setZone(DEFAULT_POLICY.timeZone).toFormat('yyyy-MM');
      await q.query(
        `INSERT INTO scoring.policy (policy_version, name, version, effective_from, document, activated_at)
         VALUES ('default-2', 'default', 2, $1, $2, now()) ON CONFLICT DO NOTHING`,
        [from, JSON.stringify({ ...DEFAULT_POLICY, effectiveFrom: from })],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM scoring.policy WHERE policy_version = 'default-2' AND document->'pay' ? 'awardBarringCategories'`);
    await q.query(`ALTER TABLE scoring.complaint DROP COLUMN category`);
    await q.query(`ALTER TABLE scoring.conduct_record DROP COLUMN category, DROP COLUMN date`);
    await q.query(`ALTER TABLE scoring.attendance_day DROP COLUMN breaks_full`);
    await q.query(`DROP TABLE scoring.agent_level`);
    await q.query(`ALTER TABLE scoring.agent DROP COLUMN supervisor_id`);
  }
}
