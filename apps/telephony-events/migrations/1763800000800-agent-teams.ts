import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * telephony's copy of attendance's directory, only what team scope needs (libs/auth TeamScope): a supervisor's
 * agent statistics and call lists cover their own teams' people. Fed by `attendance.agent.upserted`.
 */
export class AgentTeams1763800000800 implements MigrationInterface {
  name = 'AgentTeams1763800000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE telephony.agent_team (
      agent_id text PRIMARY KEY, team text, supervisor_id text, active boolean NOT NULL, version int NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX agent_team_supervisor ON telephony.agent_team (supervisor_id) WHERE supervisor_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE telephony.agent_team`);
  }
}
