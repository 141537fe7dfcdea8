import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which agent-months scoring has finalised: an appraisal for them is refused from then on. */
export class FinalizedScorecards1763800000400 implements MigrationInterface {
  name = 'FinalizedScorecards1763800000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE qa.finalized_scorecard (
      agent_id text NOT NULL,
      period text NOT NULL,
      finalized_at timestamptz NOT NULL,
      PRIMARY KEY (agent_id, period)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE qa.finalized_scorecard`);
  }
}
