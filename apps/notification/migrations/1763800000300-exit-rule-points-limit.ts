import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * scoring raises "30 deduction points in half a year → not retained" (rules.md §5) as
 * `scoring.points-limit`, a name the exit rule's patterns miss: add it to the seeded rule, unless an
 * admin has changed that rule since.
 */
export class ExitRulePointsLimit1763800000300 implements MigrationInterface {
  name = 'ExitRulePointsLimit1763800000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE notification.routing_rule SET match = jsonb_set(match, '{kinds}', (match->'kinds') || '["scoring.points-limit"]'::jsonb)
       WHERE rule_id = 'default-exit' AND seeded AND updated_at = created_at AND NOT (match->'kinds') ? 'scoring.points-limit'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE notification.routing_rule SET match = jsonb_set(match, '{kinds}', (match->'kinds') - 'scoring.points-limit') WHERE rule_id = 'default-exit' AND seeded`);
  }
}
