import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The month (`yyyy-mm`, policy time zone) from which an agent's level holds, beside the record that carries it
 * (as `team`, `region`, `role` and `active` are). Agents stored before it have none (null), and their events go
 * out without it until HR sets or changes their level.
 */
export class AgentLevelEffectiveFrom1763800000200 implements MigrationInterface {
  name = 'AgentLevelEffectiveFrom1763800000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attendance.agent ADD COLUMN level_effective_from text
      CONSTRAINT agent_level_effective_from_month CHECK (level_effective_from ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attendance.agent DROP COLUMN level_effective_from`);
    await q.query(`UPDATE attendance.agent SET record = record - 'levelEffectiveFrom' WHERE record ? 'levelEffectiveFrom'`);
  }
}
