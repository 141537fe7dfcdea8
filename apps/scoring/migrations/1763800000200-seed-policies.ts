import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PRESET_POLICIES } from '../src/domain/policy/presets';

/** The presets as version 1 of each; the default is active from the first start. */
export class SeedPolicies1763800000200 implements MigrationInterface {
  name = 'SeedPolicies1763800000200';

  async up(q: QueryRunner): Promise<void> {
    for (const p of PRESET_POLICIES) {
      await q.query(
        `INSERT INTO scoring.policy (policy_version, name, version, effective_from, document, activated_at)
         VALUES ($1, $2, 1, $3, $4, CASE WHEN $2 = 'default' THEN now() END) ON CONFLICT DO NOTHING`,
        [`${p.name}-1`, p.name, p.effectiveFrom, JSON.stringify(p)],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM scoring.policy WHERE version = 1 AND name = ANY($1)`, [PRESET_POLICIES.map((p) => p.name)]);
  }
}
