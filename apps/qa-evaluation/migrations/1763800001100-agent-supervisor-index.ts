import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Team scope asks qa's copy of the directory for a leader's record and the records naming them `supervisorId` on
 * every team-scoped request, and a submission asks it inside its one statement (issue 20 item 3): without this index
 * each ask read the whole `qa.agent` table (a seq scan of 2,000 rows was ~70 % of the statement's execution time).
 */
export class AgentSupervisorIndex1763800001100 implements MigrationInterface {
  name = 'AgentSupervisorIndex1763800001100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS agent_supervisor ON qa.agent (supervisor_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS qa.agent_supervisor`);
  }
}
