import type { Client } from 'pg';

export const PERIOD = '2026-10';

/**
 * Seeds qa's own copies the way the consumers would leave them, in bulk SQL: agents and
 * evaluators, and `calls` answered call legs spread over October 2026 (Shanghai), a few poorly
 * rated, with long holds or long rings. The calls the evaluators will score also get their facts.
 * One team per evaluator: a QA inspector scores their own team's calls only (evaluatorOfCall).
 */
export async function seedCopies(db: Client, agents: number, evaluators: number, calls: number, evaluated: string[]): Promise<void> {
  await db.query(
    `INSERT INTO qa.agent (agent_id, name, team, role, supervisor_id, active, version)
     SELECT 'A' || lpad(i::text, 5, '0'), 'Agent ' || i, 'T' || (i % $2), 'agent', 'S' || (i % 20), true, 1 FROM generate_series(1, $1) i
     UNION ALL
     SELECT 'Q' || lpad(i::text, 2, '0'), 'QA ' || i, 'T' || (i - 1), 'qa', null, true, 1 FROM generate_series(1, $2) i`,
    [agents, evaluators],
  );
  // Call i: agent i % agents, at a pseudo-random instant of the month (deterministic).
  await db.query(
    `INSERT INTO qa.call_leg (call_id, agent_id, started_at, answered, missed, ring_ms, talk_ms, hold_ms, longest_hold_ms, rating)
     SELECT 'c' || i, 'A' || lpad((1 + i % $1)::text, 5, '0'),
            timestamptz '2026-09-30 16:00:00+00' + ((hashtext('t' || i)::bigint & 2147483647) % (31 * 86400)) * interval '1 second',
            true, false, 3000 + (i % 17) * 1000, 60000 + (i % 300) * 1000, CASE WHEN i % 23 = 0 THEN 90000 ELSE 0 END,
            CASE WHEN i % 23 = 0 THEN 90000 ELSE 0 END,
            (ARRAY['excellent','good','good','good','fair','poor'])[1 + i % 6]
     FROM generate_series(1, $2) i`,
    [agents, calls],
  );
  await db.query(
    `INSERT INTO qa.call_fact (call_id, version, started_at, facts)
     SELECT l.call_id, 1, l.started_at, jsonb_build_object('callId', l.call_id, 'version', 1, 'rating', l.rating, 'queue', 'sales',
              'legs', jsonb_build_array(jsonb_build_object('agentId', l.agent_id, 'ringMs', l.ring_ms, 'talkMs', l.talk_ms, 'holdMs', l.hold_ms, 'longestHoldMs', l.longest_hold_ms, 'missed', false)))
     FROM qa.call_leg l WHERE l.call_id = ANY($1::text[])`,
    [evaluated],
  );
  // A month-old table has been vacuumed by autovacuum; sampling then reads the covering index alone.
  await db.query(`VACUUM ANALYZE qa.call_leg`);
  await db.query(`ANALYZE qa.agent`);
  // ... and checkpointed long since: write the bulk load's dirty pages now, not in the middle of the first timed run.
  await db.query(`CHECKPOINT`);
}

/** The agent of call `c<i>`, as seeded. */
export const agentOfCall = (i: number, agents: number) => `A${String(1 + (i % agents)).padStart(5, '0')}`;
/** The evaluator (0-based; token sub Q01, Q02, …) whose team holds call i's agent: agent n is in team T(n % evaluators), Q(w+1) in T(w). */
export const evaluatorOfCall = (i: number, agents: number, evaluators: number) => (1 + (i % agents)) % evaluators;
