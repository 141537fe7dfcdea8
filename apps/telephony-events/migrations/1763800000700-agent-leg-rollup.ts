import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-agent statistics from pre-summed local days instead of summing a month of legs per request.
 * agent_leg_day: one row per (local day, agent, queue, wait bin) with the sums store/agent-totals.sql.ts
 * takes over call_leg; agent_leg_basis: the time zone and wait bin it was built with (no row: never
 * built); agent_leg_change: append-only notes of where legs were written or removed, so writers never
 * update a shared row. Left empty here: the rollup worker finds no basis, marks every day and builds it.
 * call_leg_at: the statistics read the days the rollup cannot answer, and the worker recomputes
 * days, as ranges of `at`; the other indexes on call_leg lead with the call or the agent.
 */
export class AgentLegRollup1763800000700 implements MigrationInterface {
  name = 'AgentLegRollup1763800000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE telephony.agent_leg_day (
      day date NOT NULL,
      agent_id text NOT NULL,
      queue text,
      bin integer,
      offered integer NOT NULL,
      answered integer NOT NULL,
      missed integer NOT NULL,
      ring_limit integer NOT NULL,
      ring_sum bigint,
      ring_count integer NOT NULL,
      talk bigint,
      hold bigint,
      hold_count bigint,
      long_holds integer NOT NULL,
      wrap bigint,
      wrap_count integer NOT NULL,
      transferred integer NOT NULL,
      mos_sum double precision,
      mos_count integer NOT NULL,
      r_excellent integer NOT NULL,
      r_good integer NOT NULL,
      r_fair integer NOT NULL,
      r_poor integer NOT NULL,
      answers integer NOT NULL,
      CONSTRAINT agent_leg_day_key UNIQUE NULLS NOT DISTINCT (day, agent_id, queue, bin)
    )`);
    await q.query(`CREATE TABLE telephony.agent_leg_basis (
      id integer PRIMARY KEY CHECK (id = 1),
      time_zone text NOT NULL,
      bin_ms integer NOT NULL,
      built_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE telephony.agent_leg_change (id bigserial PRIMARY KEY, at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX call_leg_at ON telephony.call_leg (at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX telephony.call_leg_at`);
    await q.query(`DROP TABLE telephony.agent_leg_change`);
    await q.query(`DROP TABLE telephony.agent_leg_basis`);
    await q.query(`DROP TABLE telephony.agent_leg_day`);
  }
}
