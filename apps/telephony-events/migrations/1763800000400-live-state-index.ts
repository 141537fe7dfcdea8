import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each agent's latest call event, for the live wallboard, without scanning the day's events. */
export class LiveStateIndex1763800000400 implements MigrationInterface {
  name = 'LiveStateIndex1763800000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX call_event_agent_latest ON telephony.call_event (agent_id, occurred_at) WHERE agent_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX telephony.call_event_agent_latest`);
  }
}
