import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes in the key order of qa's paged lists (issue 17 item 4): a page is the next `limit + 1` rows after the
 * cursor's key, read from an index rather than sorted out of the whole list. The per-agent indexes gain the id as
 * their last column (same leading columns, so they serve what they served); the centre-wide orders get their own.
 */
const INDEXES: Array<[name: string, definition: string, replaces?: [name: string, definition: string]]> = [
  ['evaluation_agent', 'qa.evaluation (agent_id, created_at, evaluation_id)', ['evaluation_agent', 'qa.evaluation (agent_id, created_at)']],
  ['evaluation_listed', 'qa.evaluation (created_at, evaluation_id)'],
  ['conduct_record_agent', 'qa.conduct_record (agent_id, occurred_at, record_id)', ['conduct_record_agent', 'qa.conduct_record (agent_id, occurred_at)']],
  ['conduct_record_listed', 'qa.conduct_record (occurred_at, record_id)'],
  ['complaint_agent', 'qa.complaint (agent_id, received_at, complaint_id)', ['complaint_agent', 'qa.complaint (agent_id, received_at)']],
  ['complaint_listed', 'qa.complaint (received_at, complaint_id)'],
  ['appraisal_listed', 'qa.appraisal (period, agent_id, kind)'],
  ['sample_assignment_work_list', 'qa.sample_assignment (evaluator_id, period, due_date, call_id)'],
  ['dispute_evaluation', 'qa.dispute (evaluation_id, filed_at, dispute_id)'],
];

export class ListKeys1763800001000 implements MigrationInterface {
  name = 'ListKeys1763800001000';

  async up(q: QueryRunner): Promise<void> {
    for (const [name, definition, replaces] of INDEXES) {
      if (replaces) await q.query(`DROP INDEX IF EXISTS qa.${replaces[0]}`);
      await q.query(`CREATE INDEX IF NOT EXISTS ${name} ON ${definition}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name, , replaces] of [...INDEXES].reverse()) {
      await q.query(`DROP INDEX IF EXISTS qa.${name}`);
      if (replaces) await q.query(`CREATE INDEX ${replaces[0]} ON ${replaces[1]}`);
    }
  }
}
