import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an open call's longest-ringing leg began ringing (domain/call-predicates.ts ringingSince),
 * stored with the facts so the ringing watch compares a column instead of restating the rule.
 * The backfill restates it once in SQL for rows stored before.
 */
export class RingingSince1763800000500 implements MigrationInterface {
  name = 'RingingSince1763800000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE telephony.call_facts ADD COLUMN ringing_since bigint`);
    await q.query(`UPDATE telephony.call_facts SET ringing_since = (
      SELECT min((l->>'offeredAt')::bigint) FROM jsonb_array_elements(facts->'legs') l
      WHERE l->'offeredAt' <> 'null' AND l->'answeredAt' = 'null' AND l->'endedAt' = 'null' AND NOT (l->>'missed')::boolean
    ) WHERE open`);
    await q.query(`CREATE INDEX call_facts_ringing ON telephony.call_facts (ringing_since) WHERE ringing_since IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE telephony.call_facts DROP COLUMN ringing_since`);
  }
}
