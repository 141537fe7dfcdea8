import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A QA evaluation counts in the month of the call it scored (QA staff score October's calls in early
 * November too), not in the month it was written: `call_at` is the agent's leg offeredAt.
 */
export class EvaluationMonthOfCall1763800000400 implements MigrationInterface {
  name = 'EvaluationMonthOfCall1763800000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scoring.evaluation ADD COLUMN call_at timestamptz`);
    await q.query(`UPDATE scoring.evaluation e SET call_at = (SELECT min(l.offered_at) FROM scoring.call_leg l WHERE l.call_id = e.call_id AND l.agent_id = e.agent_id)`);
    await q.query(`CREATE INDEX evaluation_counts_at ON scoring.evaluation ((coalesce(call_at, evaluated_at)))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX scoring.evaluation_counts_at`);
    await q.query(`ALTER TABLE scoring.evaluation DROP COLUMN call_at`);
  }
}
