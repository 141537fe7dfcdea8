import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19: the automatic evaluation of each call (qa-evaluation's speech checks), one row per call, its latest
 * version. Shown on the scorecard as KPIs, counted in no component by default. Like a human evaluation it belongs
 * to the month of the agent's leg of the call (`call_at`), or of its checking while the call is not known here.
 */
export class AutoEvaluation1763800000600 implements MigrationInterface {
  name = 'AutoEvaluation1763800000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE scoring.auto_evaluation (
      call_id text PRIMARY KEY,
      version int NOT NULL,
      event_id text NOT NULL,
      agent_id text NOT NULL,
      checked_at timestamptz NOT NULL,
      call_at timestamptz,
      script_checks int NOT NULL,
      script_passed int NOT NULL,
      forbidden_phrases int NOT NULL,
      complaint_risk boolean NOT NULL
    )`);
    await q.query(`CREATE INDEX auto_evaluation_agent_counts_at ON scoring.auto_evaluation (agent_id, (coalesce(call_at, checked_at)), call_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scoring.auto_evaluation`);
  }
}
