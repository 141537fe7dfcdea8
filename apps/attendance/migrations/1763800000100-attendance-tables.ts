import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agents, shift types (seeded with rules.md §1's two), rosters placed in time, raw clock events,
 * leave, holidays, swaps, closed days with every correction kept, agent states, and the stored
 * policy overrides (empty = the typed defaults in the code).
 */
export class AttendanceTables1763800000100 implements MigrationInterface {
  name = 'AttendanceTables1763800000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE attendance.policy_copy (
      id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      policy_version text NOT NULL,
      attendance jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`INSERT INTO attendance.policy_copy (policy_version, attendance) VALUES ('default-1', '{}')`);
    await q.query(`CREATE TABLE attendance.agent (
      agent_id text PRIMARY KEY,
      record jsonb NOT NULL,
      team text NOT NULL,
      region text NOT NULL,
      role text NOT NULL,
      active boolean NOT NULL,
      version integer NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX agent_team_region ON attendance.agent (team, region)`);
    await q.query(`CREATE TABLE attendance.shift_type (
      code text PRIMARY KEY,
      definition jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    // rules.md §1 (R&P), written out here so this migration never changes with later code.
    const seeded = [
      { code: 'morning', nameZh: '早班', nameEn: 'morning', start: '08:00', end: '15:30' },
      { code: 'afternoon', nameZh: '晚班', nameEn: 'afternoon', start: '14:30', end: '22:00' },
    ];
    for (const t of seeded) {
      await q.query(`INSERT INTO attendance.shift_type (code, definition) VALUES ($1, $2)`, [t.code, JSON.stringify(t)]);
    }
    // A roster day carries its instants, worked out once from the shift type in the policy zone,
    // so the close worker and clock matching compare instants only.
    await q.query(`CREATE TABLE attendance.roster (
      agent_id text NOT NULL,
      date date NOT NULL,
      shift text NOT NULL,
      start_at timestamptz,
      end_at timestamptz,
      window_from timestamptz,
      window_to timestamptz,
      span jsonb,
      swap_id text,
      closed boolean NOT NULL DEFAULT false,
      dirty boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (agent_id, date)
    )`);
    await q.query(`CREATE INDEX roster_due ON attendance.roster (window_to) WHERE NOT closed`);
    await q.query(`CREATE INDEX roster_dirty ON attendance.roster (agent_id) WHERE dirty`);
    await q.query(`CREATE INDEX roster_date ON attendance.roster (date)`);
    await q.query(`CREATE TABLE attendance.clock_event (
      event_id text PRIMARY KEY,
      agent_id text NOT NULL,
      type text NOT NULL,
      at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX clock_event_agent_at ON attendance.clock_event (agent_id, at)`);
    await q.query(`CREATE TABLE attendance.leave (
      leave_id text PRIMARY KEY,
      agent_id text NOT NULL,
      type text NOT NULL,
      from_date date NOT NULL,
      to_date date NOT NULL,
      half_day text,
      status text NOT NULL,
      requested_by text NOT NULL,
      decided_by text,
      reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      decided_at timestamptz
    )`);
    await q.query(`CREATE INDEX leave_agent ON attendance.leave (agent_id, from_date)`);
    await q.query(`CREATE TABLE attendance.holiday (
      date date PRIMARY KEY,
      name text NOT NULL,
      duty_agent_ids text[] NOT NULL DEFAULT '{}'
    )`);
    await q.query(`CREATE TABLE attendance.shift_swap (
      swap_id text PRIMARY KEY,
      requester_id text NOT NULL,
      counterpart_id text NOT NULL,
      date date NOT NULL,
      payback_date date NOT NULL,
      status text NOT NULL,
      requested_by text NOT NULL,
      consented_at timestamptz,
      decided_by text,
      decided_at timestamptz,
      payback_worked boolean,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX swap_requester ON attendance.shift_swap (requester_id)`);
    await q.query(`CREATE INDEX swap_counterpart ON attendance.shift_swap (counterpart_id)`);
    await q.query(`CREATE TABLE attendance.day_record (
      agent_id text NOT NULL,
      date date NOT NULL,
      version integer NOT NULL,
      status text NOT NULL,
      hash text NOT NULL,
      day jsonb NOT NULL,
      closed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (agent_id, date)
    )`);
    await q.query(`CREATE INDEX day_record_date ON attendance.day_record (date)`);
    await q.query(`CREATE TABLE attendance.day_correction (
      id bigserial PRIMARY KEY,
      agent_id text NOT NULL,
      date date NOT NULL,
      correction jsonb NOT NULL,
      corrected_by text NOT NULL,
      corrected_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX day_correction_day ON attendance.day_correction (agent_id, date)`);
    await q.query(`CREATE TABLE attendance.agent_state (
      event_id text PRIMARY KEY,
      agent_id text NOT NULL,
      kind text NOT NULL,
      at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX agent_state_agent_at ON attendance.agent_state (agent_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['agent_state', 'day_correction', 'day_record', 'shift_swap', 'holiday', 'leave', 'clock_event', 'roster', 'shift_type', 'agent', 'policy_copy']) {
      await q.query(`DROP TABLE attendance.${t}`);
    }
  }
}
