import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Queue statistics from pre-summed local hours instead of summing a month of calls per request (the
 * agent rollup's design, 1763800000700). queue_hour_sum: one row per (local day, local hour, queue, wait
 * bin) with the sums store/queue-totals.sql.ts takes over call_facts — by hour, as the report breaks its
 * answer down by hour; by bin, so the wait distribution stays exact. queue_hour_basis: the time zone,
 * wait bin and service-level target it was built with (no row: never built; a request with another
 * target reads the calls). queue_call_change: append-only notes of where queued calls were written.
 * Left empty here, as the agent rollup is: the rollup worker finds no basis, notes every local hour that
 * holds queued calls and builds them from the existing facts (the backfill), a few days per transaction,
 * while the statistics read those hours from the calls (since issue 20: only noted hours are read raw,
 * the rest of their day from the rollup).
 */
export class QueueHourRollup1763800000900 implements MigrationInterface {
  name = 'QueueHourRollup1763800000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE telephony.queue_hour_sum (
      day date NOT NULL,
      hour timestamp NOT NULL,
      queue text,
      bin integer,
      offered integer NOT NULL,
      answered integer NOT NULL,
      ab_hangup integer NOT NULL,
      ab_timeout integer NOT NULL,
      ab_empty integer NOT NULL,
      ab_key integer NOT NULL,
      ab_withdraw integer NOT NULL,
      after_target integer NOT NULL,
      timeouts integer NOT NULL,
      within_target integer NOT NULL,
      answered_wait_sum bigint,
      answered_wait_count integer NOT NULL,
      talk_ms bigint,
      hold_ms bigint,
      missed_legs bigint,
      ring_sum_ms bigint,
      ring_count bigint,
      bin_calls integer NOT NULL,
      bin_answered integer NOT NULL,
      bin_abandoned integer NOT NULL,
      CONSTRAINT queue_hour_sum_key UNIQUE NULLS NOT DISTINCT (day, hour, queue, bin)
    )`);
    await q.query(`CREATE TABLE telephony.queue_hour_basis (
      id integer PRIMARY KEY CHECK (id = 1),
      time_zone text NOT NULL,
      bin_ms integer NOT NULL,
      target_ms double precision NOT NULL,
      built_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE telephony.queue_call_change (id bigserial PRIMARY KEY, at timestamptz NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE telephony.queue_call_change`);
    await q.query(`DROP TABLE telephony.queue_hour_basis`);
    await q.query(`DROP TABLE telephony.queue_hour_sum`);
  }
}
