import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Report figures beside the facts, so queue and agent statistics are SQL sums over narrow rows
 * instead of loading a window of facts into memory: one column per queue figure on call_facts
 * (domain/queue-call-figures.ts) and one row per leg in call_leg (domain/agent-leg-figures.ts).
 * The backfill below restates those rules in SQL once, for rows stored before this migration.
 */
export class ReportFigures1763800000300 implements MigrationInterface {
  name = 'ReportFigures1763800000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE telephony.call_facts
      ADD COLUMN in_queue boolean NOT NULL DEFAULT false,
      ADD COLUMN arrival_at timestamptz,
      ADD COLUMN wait_ms bigint,
      ADD COLUMN answered boolean NOT NULL DEFAULT false,
      ADD COLUMN abandon_reason text,
      ADD COLUMN abandon_wait_ms bigint,
      ADD COLUMN closed_by_timeout boolean NOT NULL DEFAULT false,
      ADD COLUMN talk_ms bigint NOT NULL DEFAULT 0,
      ADD COLUMN hold_ms bigint NOT NULL DEFAULT 0,
      ADD COLUMN missed_legs integer NOT NULL DEFAULT 0,
      ADD COLUMN ring_sum_ms bigint NOT NULL DEFAULT 0,
      ADD COLUMN ring_count integer NOT NULL DEFAULT 0`);
    await q.query(`CREATE TABLE telephony.call_leg (
      call_id text NOT NULL,
      leg_index integer NOT NULL,
      agent_id text NOT NULL,
      queue text,
      at timestamptz NOT NULL,
      answered boolean NOT NULL,
      missed boolean NOT NULL,
      ring_ms bigint,
      ring_limit_exceeded boolean NOT NULL,
      talk_ms bigint,
      hold_ms bigint NOT NULL,
      hold_count integer NOT NULL,
      long_hold boolean NOT NULL,
      wrap_up_ms bigint,
      transferred boolean NOT NULL,
      mos double precision,
      rating text,
      answered_after_wait_ms bigint,
      PRIMARY KEY (call_id, leg_index)
    )`);
    await q.query(`CREATE INDEX call_leg_agent_at ON telephony.call_leg (agent_id, at)`);
    await q.query(`CREATE INDEX call_facts_arrival ON telephony.call_facts (arrival_at) WHERE in_queue`);
    await q.query(`UPDATE telephony.call_facts SET
      in_queue = (facts->'queuedAt' <> 'null' OR facts->'waitMs' <> 'null' OR facts->'abandoned' <> 'null'),
      arrival_at = to_timestamp(coalesce(facts->>'queuedAt', facts->>'firstEventAt')::double precision / 1000),
      wait_ms = (facts->>'waitMs')::bigint,
      answered = (facts->>'answered')::boolean,
      abandon_reason = CASE WHEN (facts->>'answered')::boolean THEN NULL ELSE facts->'abandoned'->>'reason' END,
      abandon_wait_ms = CASE WHEN (facts->>'answered')::boolean THEN NULL ELSE (facts->'abandoned'->>'waitMs')::bigint END,
      closed_by_timeout = (facts->>'closedByTimeout')::boolean,
      talk_ms = CASE WHEN (facts->>'answered')::boolean THEN (SELECT coalesce(sum((l->>'talkMs')::bigint), 0) FROM jsonb_array_elements(facts->'legs') l) ELSE 0 END,
      hold_ms = CASE WHEN (facts->>'answered')::boolean THEN (SELECT coalesce(sum((l->>'holdMs')::bigint), 0) FROM jsonb_array_elements(facts->'legs') l) ELSE 0 END,
      missed_legs = (SELECT count(*) FROM jsonb_array_elements(facts->'legs') l WHERE (l->>'missed')::boolean),
      ring_sum_ms = (SELECT coalesce(sum((l->>'ringMs')::bigint), 0) FROM jsonb_array_elements(facts->'legs') l),
      ring_count = (SELECT count(l->>'ringMs') FROM jsonb_array_elements(facts->'legs') l)`);
    await q.query(`INSERT INTO telephony.call_leg
      SELECT f.call_id, (l.i - 1)::int, l.v->>'agentId', f.queue,
        to_timestamp(coalesce(l.v->>'offeredAt', l.v->>'answeredAt', l.v->>'endedAt', f.facts->>'firstEventAt')::double precision / 1000),
        l.v->'answeredAt' <> 'null', (l.v->>'missed')::boolean, (l.v->>'ringMs')::bigint, (l.v->>'ringLimitExceeded')::boolean,
        (l.v->>'talkMs')::bigint, (l.v->>'holdMs')::bigint, (l.v->>'holdCount')::int, (l.v->>'longHold')::boolean,
        (l.v->>'wrapUpMs')::bigint, (l.v->>'transferred')::boolean, (l.v->>'mos')::double precision, l.v->>'rating',
        CASE WHEN l.v->'answeredAt' <> 'null' THEN (f.facts->>'waitMs')::bigint END
      FROM telephony.call_facts f, jsonb_array_elements(f.facts->'legs') WITH ORDINALITY AS l(v, i)
      WHERE NOT f.open -- legs are stored once a call is over (PgCallFactsStore.saveLegs)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE telephony.call_leg`);
    await q.query(`DROP INDEX telephony.call_facts_arrival`);
    for (const c of ['in_queue', 'arrival_at', 'wait_ms', 'answered', 'abandon_reason', 'abandon_wait_ms', 'closed_by_timeout', 'talk_ms', 'hold_ms', 'missed_legs', 'ring_sum_ms', 'ring_count']) {
      await q.query(`ALTER TABLE telephony.call_facts DROP COLUMN ${c}`);
    }
  }
}
