/**
 * A month of history for the statistics part of bench:ingest: `legs` agent legs over the 30 days
 * before now, written straight into the report columns (call_facts figures, call_leg rows) with
 * generate_series — the statistics read only those, and ingesting 12 million events first would
 * take the benchmark an hour. Then the latency of the read endpoints while ingest runs.
 */
import type { Client } from 'pg';
import { percentile } from '../bench-util';

const DAY_MS = 86_400_000;

/** ~1.24 legs per call (a third ring a first agent who misses; 1 in 11 is abandoned), 60 agents, 4 queues. */
export async function seedMonth(db: Client, legs: number, now = Date.now()): Promise<{ calls: number; legs: number }> {
  const calls = Math.round(legs / 1.2424);
  const from = new Date(now - 30 * DAY_MS).toISOString();
  await db.query(
    `INSERT INTO telephony.call_facts (call_id, version, hash, facts, queue, open, first_event_at, last_event_at, policy_version,
       in_queue, arrival_at, wait_ms, answered, abandon_reason, abandon_wait_ms, closed_by_timeout, talk_ms, hold_ms, missed_legs, ring_sum_ms, ring_count)
     SELECT 'm-' || i, 1, 'seed', '{}'::jsonb, 'q' || (i % 4), false, t, t + interval '5 minutes', 'seed',
            true, t, w, NOT ab, CASE WHEN ab THEN 'hangup' END, CASE WHEN ab THEN w END, false,
            CASE WHEN ab THEN 0 ELSE 60000 + (i::bigint * 7919) % 240000 END, CASE WHEN ab THEN 0 ELSE (i % 5) * 10000 END,
            CASE WHEN i % 3 = 0 THEN 1 ELSE 0 END, CASE WHEN ab THEN 0 ELSE 4000 + (i % 9) * 1000 END, CASE WHEN ab THEN 0 ELSE 1 END
     FROM (SELECT i, $1::timestamptz + (i::double precision / $2) * interval '30 days' AS t, (i::bigint * 104729) % 90000 AS w, i % 11 = 0 AS ab
           FROM generate_series(1, $2) AS i) s`,
    [from, calls],
  );
  // The answering leg of every answered call, plus a missed first leg on every third call.
  await db.query(
    `INSERT INTO telephony.call_leg (call_id, leg_index, agent_id, queue, at, answered, missed, ring_ms, ring_limit_exceeded, talk_ms,
       hold_ms, hold_count, long_hold, wrap_up_ms, transferred, mos, rating, answered_after_wait_ms)
     SELECT call_id, k, 'A' || lpad(((hashtext(call_id) & 1023) % 60 + k)::text, 3, '0'), queue, arrival_at + (wait_ms - 8000) * interval '1 millisecond',
            k = 1, k = 0, CASE WHEN k = 0 THEN 16000 ELSE ring_sum_ms END, k = 0, CASE WHEN k = 1 THEN talk_ms END,
            CASE WHEN k = 1 THEN hold_ms ELSE 0 END, CASE WHEN k = 1 AND hold_ms > 0 THEN 1 ELSE 0 END, hold_ms > 30000,
            CASE WHEN k = 1 THEN 20000 END, false, CASE WHEN k = 1 THEN 3.5 + (hashtext(call_id) & 15) / 10.0 END,
            CASE WHEN k = 1 AND hashtext(call_id) & 3 = 0 THEN 'good' END, CASE WHEN k = 1 THEN wait_ms END
     FROM telephony.call_facts, generate_series(0, 1) AS k
     WHERE call_id LIKE 'm-%' AND ((k = 1 AND answered) OR (k = 0 AND missed_legs = 1))`,
  );
  // Written past the service, so noted here as the service notes its own writes (store/agent-leg-rollup.changes.ts):
  // the rollup worker then builds these days.
  await db.query(
    `INSERT INTO telephony.agent_leg_change (at)
     SELECT DISTINCT date_bin('15 minutes', at, timestamptz 'epoch') FROM telephony.call_leg WHERE call_id LIKE 'm-%'`,
  );
  // Likewise the calls' arrivals for the hourly queue rollup (noteQueueCallChanges).
  await db.query(
    `INSERT INTO telephony.queue_call_change (at)
     SELECT DISTINCT date_bin('15 minutes', arrival_at, timestamptz 'epoch') FROM telephony.call_facts WHERE call_id LIKE 'm-%'`,
  );
  await db.query(`ANALYZE telephony.call_facts; ANALYZE telephony.call_leg`);
  const n = await db.query(`SELECT count(*)::int AS n FROM telephony.call_leg WHERE call_id LIKE 'm-%'`);
  return { calls, legs: n.rows[0].n };
}

/** For pollUntil: true once the agent and queue rollups hold every noted change (both change tables are empty). */
export async function rollupBuilt(db: Client): Promise<true | string> {
  const q = await db.query(
    `SELECT (SELECT count(*)::int FROM telephony.agent_leg_change) + (SELECT count(*)::int FROM telephony.queue_call_change) AS pending,
            EXISTS (SELECT 1 FROM telephony.agent_leg_basis) AND EXISTS (SELECT 1 FROM telephony.queue_hour_basis) AS basis`,
  );
  return (q.rows[0].pending === 0 && q.rows[0].basis) || `rollups: ${q.rows[0].pending} changes pending, basis ${q.rows[0].basis ? 'set' : 'missing'}`;
}

/**
 * Every `everyMs` until `until` resolves: how many UTC hours hold a queue change the rollup has not summed yet.
 * The statistics read such an hour from the calls, not the rollup (store/queue-totals.sql.ts), so this is what a
 * read during ingest pays for beyond an idle one.
 */
export async function pendingQueueHours(db: Client, until: Promise<unknown>, everyMs = 500): Promise<number[]> {
  const out: number[] = [];
  await repeatUntil(until, async () => {
    const q = await db.query(`SELECT count(DISTINCT date_trunc('hour', at))::int AS hours FROM telephony.queue_call_change`);
    out.push(q.rows[0].hours);
    await new Promise((r) => setTimeout(r, everyMs));
  });
  return out;
}

/** Runs `step` again and again until `until` settles (the step under way finishes first). */
async function repeatUntil(until: Promise<unknown>, step: () => Promise<void>): Promise<void> {
  let done = false;
  void until.finally(() => (done = true));
  while (!done) await step();
}

/** Each path in turn, over and over, until `until` resolves: latency per path (ms). */
export async function readLatencies(base: string, auth: string, paths: string[], until: Promise<unknown>): Promise<Map<string, number[]>> {
  const out = new Map(paths.map((p) => [p, [] as number[]]));
  await repeatUntil(until, async () => {
    for (const path of paths) {
      const started = performance.now();
      const res = await fetch(`${base}${path}`, { headers: { authorization: auth } });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
      out.get(path)!.push(performance.now() - started);
      // A list read that answers nothing timed nothing of what a list costs.
      const items = (JSON.parse(body) as { items?: unknown[] }).items;
      if (items !== undefined && items.length === 0) throw new Error(`GET ${path} answered an empty page`);
    }
  });
  return out;
}

export const p50p99 = (xs: number[]) => ({ p50: percentile(xs, 50), p99: percentile(xs, 99), n: xs.length });
