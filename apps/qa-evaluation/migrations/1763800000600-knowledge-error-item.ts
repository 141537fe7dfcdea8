import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_CATALOGUE } from '../src/domain/conduct/catalogue';

const CODE = 'KNOWLEDGE_ERROR';

/**
 * The catalogue item "error from not knowing the product or process" 因不熟悉产品或流程导致的失误 (−1, applying
 * knowledge) for databases seeded before it existed; a tenant's own item of that code is left as it is.
 */
export class KnowledgeErrorItem1763800000600 implements MigrationInterface {
  name = 'KnowledgeErrorItem1763800000600';

  async up(q: QueryRunner): Promise<void> {
    const item = DEFAULT_CATALOGUE.find((c) => c.code === CODE);
    if (!item) throw new Error(`${CODE} is missing from DEFAULT_CATALOGUE`);
    await q.query(`INSERT INTO qa.conduct_catalogue (code, item) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING`, [CODE, JSON.stringify(item)]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM qa.conduct_catalogue WHERE code = $1`, [CODE]);
  }
}
