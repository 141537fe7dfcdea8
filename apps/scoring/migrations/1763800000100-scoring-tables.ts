import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scoring's own copy of the facts it scores (one table per input, the latest version wins), the
 * versioned policies, the periods and every revision of every scorecard.
 */
export class ScoringTables1763800000100 implements MigrationInterface {
  name = 'ScoringTables1763800000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE scoring.agent (
      agent_id text PRIMARY KEY, name text NOT NULL, team text NOT NULL, role text NOT NULL, level text NOT NULL,
      active boolean NOT NULL, version integer NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE scoring.call_fact (call_id text PRIMARY KEY, version integer NOT NULL, event_id text NOT NULL)`);
    await q.query(`CREATE TABLE scoring.call_leg (
      call_id text NOT NULL, leg_no integer NOT NULL, agent_id text NOT NULL, offered_at timestamptz NOT NULL,
      answered boolean NOT NULL, missed boolean NOT NULL, ring_ms integer, talk_ms integer, hold_ms integer NOT NULL,
      longest_hold_ms integer NOT NULL, wrap_up_ms integer, mos double precision, rating text,
      PRIMARY KEY (call_id, leg_no))`);
    await q.query(`CREATE INDEX call_leg_agent_offered ON scoring.call_leg (agent_id, offered_at)`);
    await q.query(`CREATE INDEX call_leg_offered ON scoring.call_leg (offered_at)`);
    await q.query(`CREATE TABLE scoring.evaluation (
      evaluation_id text PRIMARY KEY, version integer NOT NULL, agent_id text NOT NULL, call_id text, percent numeric(7,2) NOT NULL,
      critical_fail boolean NOT NULL, evaluated_at timestamptz NOT NULL, voided boolean NOT NULL)`);
    await q.query(`CREATE INDEX evaluation_agent_at ON scoring.evaluation (agent_id, evaluated_at)`);
    await q.query(`CREATE TABLE scoring.appraisal (
      agent_id text NOT NULL, period text NOT NULL, version integer NOT NULL, event_id text NOT NULL, sections jsonb NOT NULL,
      total numeric(7,2) NOT NULL, any_item_zero boolean NOT NULL, PRIMARY KEY (agent_id, period))`);
    await q.query(`CREATE TABLE scoring.attendance_day (
      agent_id text NOT NULL, date date NOT NULL, version integer NOT NULL, event_id text NOT NULL, status text NOT NULL,
      late_minutes integer NOT NULL, early_leave_minutes integer NOT NULL, leave_half_day boolean NOT NULL,
      leave_breaks_full boolean, excused boolean NOT NULL, PRIMARY KEY (agent_id, date))`);
    await q.query(`CREATE INDEX attendance_day_date ON scoring.attendance_day (date)`);
    await q.query(`CREATE TABLE scoring.conduct_record (
      record_id text PRIMARY KEY, agent_id text NOT NULL, code text NOT NULL, kind text NOT NULL, amount numeric(12,2) NOT NULL,
      points numeric(7,2) NOT NULL, occurred_at timestamptz NOT NULL, issuer_id text NOT NULL, call_id text,
      label_zh text NOT NULL, label_en text NOT NULL, scorecard_part text)`);
    await q.query(`CREATE INDEX conduct_record_agent_at ON scoring.conduct_record (agent_id, occurred_at)`);
    // A void may arrive before its record: kept apart, so the order of arrival does not matter.
    await q.query(`CREATE TABLE scoring.conduct_void (record_id text PRIMARY KEY, reason text NOT NULL, voided_at timestamptz NOT NULL)`);
    await q.query(`CREATE TABLE scoring.complaint (
      complaint_id text PRIMARY KEY, version integer NOT NULL, agent_id text, valid boolean NOT NULL, received_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX complaint_agent_at ON scoring.complaint (agent_id, received_at)`);
    await q.query(`CREATE TABLE scoring.policy (
      policy_version text PRIMARY KEY, name text NOT NULL, version integer NOT NULL, effective_from text NOT NULL,
      document jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), activated_at timestamptz, UNIQUE (name, version))`);
    await q.query(`CREATE TABLE scoring.period (
      period text PRIMARY KEY, state text NOT NULL, closed_at timestamptz, policy_version text NOT NULL, forced boolean NOT NULL,
      carried_over jsonb NOT NULL DEFAULT '[]')`);
    await q.query(`CREATE TABLE scoring.period_dirty (period text PRIMARY KEY, marked_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE scoring.scorecard (
      period text NOT NULL, agent_id text NOT NULL, revision integer NOT NULL, policy_version text NOT NULL,
      total_h integer, grade text, rank integer, level_before text NOT NULL, level_after text NOT NULL,
      deduction_points numeric(7,2) NOT NULL, appraised boolean NOT NULL, figures jsonb NOT NULL, card jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (period, agent_id, revision))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['scorecard', 'period_dirty', 'period', 'policy', 'complaint', 'conduct_void', 'conduct_record', 'attendance_day', 'appraisal', 'evaluation', 'call_leg', 'call_fact', 'agent']) {
      await q.query(`DROP TABLE scoring.${t}`);
    }
  }
}
