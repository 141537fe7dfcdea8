import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_CATALOGUE } from '../src/domain/conduct/catalogue';
import { SEEDED_FORMS } from '../src/domain/forms/seeded-forms';
import { DEFAULT_QA_POLICY } from '../src/domain/policy/qa-policy';

/** A first start works on an empty database: the default policy, the two forms (published v1) and the catalogue. */
export class QaSeed1763800000300 implements MigrationInterface {
  name = 'QaSeed1763800000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`INSERT INTO qa.policy (id, values) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`, [JSON.stringify(DEFAULT_QA_POLICY)]);
    for (const form of SEEDED_FORMS) {
      await q.query(
        `INSERT INTO qa.form_version (form_id, version, status, definition, created_by, published_at) VALUES ($1, 1, 'published', $2, 'seed', now())
         ON CONFLICT DO NOTHING`,
        [form.formId, JSON.stringify(form)],
      );
    }
    await q.query(
      `INSERT INTO qa.conduct_catalogue (code, item) SELECT c->>'code', c FROM jsonb_array_elements($1::jsonb) c ON CONFLICT DO NOTHING`,
      [JSON.stringify(DEFAULT_CATALOGUE)],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM qa.conduct_catalogue`);
    await q.query(`DELETE FROM qa.form_version WHERE created_by = 'seed'`);
    await q.query(`DELETE FROM qa.policy`);
  }
}
