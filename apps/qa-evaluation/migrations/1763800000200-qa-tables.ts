import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Forms and their versions, evaluations with their history and disputes, appraisals, the conduct
 * catalogue and records with appeals, complaints, sampling, calibration, the policy, and qa's own
 * copies of call facts and agents.
 */
export class QaTables1763800000200 implements MigrationInterface {
  name = 'QaTables1763800000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE qa.policy (id int PRIMARY KEY CHECK (id = 1), policy_version text NOT NULL DEFAULT 'default-1', values jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE qa.form_version (
      form_id text NOT NULL, version int NOT NULL, status text NOT NULL, definition jsonb NOT NULL,
      created_by text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), published_at timestamptz,
      PRIMARY KEY (form_id, version))`);
    await q.query(`CREATE TABLE qa.agent (
      agent_id text PRIMARY KEY, name text NOT NULL, team text, role text NOT NULL, supervisor_id text,
      active boolean NOT NULL, version int NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE qa.call_fact (call_id text PRIMARY KEY, version int NOT NULL, started_at timestamptz, facts jsonb NOT NULL)`);
    await q.query(`CREATE TABLE qa.call_leg (
      call_id text NOT NULL, agent_id text NOT NULL, started_at timestamptz NOT NULL, answered boolean NOT NULL,
      missed boolean NOT NULL, ring_ms int, talk_ms int, hold_ms int NOT NULL, longest_hold_ms int NOT NULL,
      rating text, PRIMARY KEY (call_id, agent_id))`);
    // Sampling reads an agent's week from the index alone (index-only scan), never the table.
    await q.query(`CREATE INDEX call_leg_sampling ON qa.call_leg (agent_id, started_at) INCLUDE (call_id, answered, rating, longest_hold_ms, ring_ms)`);
    await q.query(`CREATE TABLE qa.evaluation (
      evaluation_id text PRIMARY KEY, call_id text NOT NULL, agent_id text NOT NULL, form_id text NOT NULL, form_version int NOT NULL,
      evaluator_id text NOT NULL, answers jsonb NOT NULL, result jsonb NOT NULL, comment text, status text NOT NULL,
      version int NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), released_at timestamptz, acknowledged_at timestamptz,
      FOREIGN KEY (form_id, form_version) REFERENCES qa.form_version (form_id, version))`);
    // A call is evaluated once per agent and form: sampling relies on it never to repeat a call.
    await q.query(`CREATE UNIQUE INDEX evaluation_call_once ON qa.evaluation (call_id, agent_id, form_id) WHERE status <> 'voided'`);
    await q.query(`CREATE INDEX evaluation_agent ON qa.evaluation (agent_id, created_at)`);
    await q.query(`CREATE TABLE qa.evaluation_history (
      evaluation_id text NOT NULL REFERENCES qa.evaluation, version int NOT NULL, answers jsonb NOT NULL, result jsonb NOT NULL,
      reason text NOT NULL, changed_by text NOT NULL, changed_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (evaluation_id, version))`);
    await q.query(`CREATE TABLE qa.dispute (
      dispute_id text PRIMARY KEY, evaluation_id text NOT NULL REFERENCES qa.evaluation, agent_id text NOT NULL, item_id text NOT NULL,
      reason text NOT NULL, status text NOT NULL, filed_at timestamptz NOT NULL DEFAULT now(), filed_period text NOT NULL,
      outcome text, new_value jsonb, decision_reason text, reviewer_id text, decided_at timestamptz)`);
    await q.query(`CREATE UNIQUE INDEX dispute_open_item ON qa.dispute (evaluation_id, item_id) WHERE status = 'open'`);
    await q.query(`CREATE INDEX dispute_agent_period ON qa.dispute (agent_id, filed_period)`);
    await q.query(`CREATE TABLE qa.appraisal (
      agent_id text NOT NULL, period text NOT NULL, kind text NOT NULL, form_id text NOT NULL, form_version int NOT NULL,
      scores jsonb NOT NULL, result jsonb NOT NULL, comment text, appraiser_id text NOT NULL, version int NOT NULL,
      submitted_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (agent_id, period, kind))`);
    await q.query(`CREATE TABLE qa.conduct_catalogue (code text PRIMARY KEY, item jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE qa.conduct_record (
      record_id text PRIMARY KEY, agent_id text NOT NULL, code text NOT NULL, kind text NOT NULL, amount_fen bigint NOT NULL,
      points int NOT NULL, warning boolean NOT NULL, occurred_at timestamptz NOT NULL, call_id text, note text NOT NULL,
      evidence jsonb, issuer_id text NOT NULL, status text NOT NULL, caused_by_record_id text,
      label_zh text NOT NULL, label_en text NOT NULL, scorecard_part text,
      created_at timestamptz NOT NULL DEFAULT now(), acknowledged_at timestamptz, voided_at timestamptz, void_reason text)`);
    await q.query(`CREATE INDEX conduct_record_agent ON qa.conduct_record (agent_id, occurred_at)`);
    await q.query(`CREATE UNIQUE INDEX conduct_record_overturn_once ON qa.conduct_record (caused_by_record_id) WHERE caused_by_record_id IS NOT NULL`);
    await q.query(`CREATE TABLE qa.conduct_appeal (
      record_id text PRIMARY KEY REFERENCES qa.conduct_record, agent_id text NOT NULL, reason text NOT NULL, status text NOT NULL,
      filed_at timestamptz NOT NULL DEFAULT now(), decided_by text, decision_reason text, decided_at timestamptz)`);
    await q.query(`CREATE TABLE qa.complaint (
      complaint_id text PRIMARY KEY, received_at timestamptz NOT NULL, channel text NOT NULL, summary text NOT NULL, call_id text,
      agent_id text, registered_by text NOT NULL, valid boolean, category text, reason text, judged_by text, judged_at timestamptz,
      version int NOT NULL DEFAULT 0, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX complaint_agent ON qa.complaint (agent_id, received_at)`);
    await q.query(`CREATE TABLE qa.sample_assignment (
      call_id text PRIMARY KEY, period text NOT NULL, agent_id text NOT NULL, evaluator_id text NOT NULL, week int NOT NULL,
      due_date date NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX sample_assignment_evaluator ON qa.sample_assignment (evaluator_id, due_date)`);
    await q.query(`CREATE INDEX sample_assignment_period ON qa.sample_assignment (period, agent_id)`);
    await q.query(`CREATE TABLE qa.calibration_session (
      session_id text PRIMARY KEY, call_id text NOT NULL, form_id text NOT NULL, form_version int NOT NULL, expert_id text,
      evaluator_ids jsonb NOT NULL, created_by text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE qa.calibration_score (
      session_id text NOT NULL REFERENCES qa.calibration_session, evaluator_id text NOT NULL, answers jsonb NOT NULL, result jsonb NOT NULL,
      submitted_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (session_id, evaluator_id))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['calibration_score', 'calibration_session', 'sample_assignment', 'complaint', 'conduct_appeal', 'conduct_record', 'conduct_catalogue',
      'appraisal', 'dispute', 'evaluation_history', 'evaluation', 'call_leg', 'call_fact', 'agent', 'form_version', 'policy']) {
      await q.query(`DROP TABLE IF EXISTS qa.${t}`);
    }
  }
}
