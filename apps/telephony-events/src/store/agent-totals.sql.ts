import type { EntityManager } from 'typeorm';
import { emptyAgentTotals, mergeAgentTotals, type AgentTotals } from '../domain/reports/agent-stats';
import { RATINGS, type Rating } from '../domain/events/call-event';
import { plannerForReports } from './report-planner.sql';

export interface AgentTotalsQuery {
  from: Date;
  to: Date;
  queue?: string;
  binMs: number;
}

// The same sums as domain/agent-stats.ts addLeg, over call_leg rows (one per leg, stored with the facts).
const SQL = `
  WITH l AS (
    SELECT *, CASE WHEN answered_after_wait_ms IS NULL THEN NULL WHEN answered_after_wait_ms <= 0 THEN 0
                   ELSE ((answered_after_wait_ms + $4 - 1) / $4 - 1)::int END AS bin -- integer ceil: numeric division costs per row
    FROM telephony.call_leg WHERE at >= $1 AND at < $2 AND ($3::text IS NULL OR queue = $3)
  )
  SELECT agent_id, bin,
    count(*)::int AS offered,
    count(*) FILTER (WHERE answered)::int AS answered,
    count(*) FILTER (WHERE missed)::int AS missed,
    count(*) FILTER (WHERE ring_limit_exceeded)::int AS ring_limit,
    coalesce(sum(ring_ms), 0)::float8 AS ring_sum, count(ring_ms)::int AS ring_count,
    coalesce(sum(talk_ms) FILTER (WHERE answered), 0)::float8 AS talk,
    coalesce(sum(hold_ms), 0)::float8 AS hold, coalesce(sum(hold_count), 0)::int AS hold_count,
    count(*) FILTER (WHERE long_hold)::int AS long_holds,
    coalesce(sum(wrap_up_ms), 0)::float8 AS wrap, count(wrap_up_ms)::int AS wrap_count,
    count(*) FILTER (WHERE transferred)::int AS transferred,
    coalesce(sum(mos), 0)::float8 AS mos_sum, count(mos)::int AS mos_count,
    ${RATINGS.map((r) => `count(*) FILTER (WHERE rating = '${r}')::int AS "r_${r}"`).join(', ')},
    count(answered_after_wait_ms)::int AS answers
  FROM l
  GROUP BY agent_id, bin`;

type Row = Record<string, number | string | null> & { agent_id: string; bin: number | null };

export async function sumAgentTotals(db: EntityManager, q: AgentTotalsQuery): Promise<AgentTotals[]> {
  await plannerForReports(db);
  const rows: Row[] = await db.query(SQL, [q.from.toISOString(), q.to.toISOString(), q.queue ?? null, Math.round(q.binMs)]);
  const byAgent = new Map<string, AgentTotals>();
  // One row per agent and wait bin (one sort in the database); an agent's totals are the sum of their rows.
  for (const r of rows) {
    const t = emptyAgentTotals(r.agent_id);
    Object.assign(t, {
      offered: r.offered, answered: r.answered, ringNoAnswer: r.missed, ringLimitExceeded: r.ring_limit, ringSumMs: r.ring_sum,
      ringCount: r.ring_count, talkMs: r.talk, holdMs: r.hold, holdCount: r.hold_count, longHolds: r.long_holds, wrapUpMs: r.wrap,
      wrapUpCount: r.wrap_count, transferred: r.transferred, mosSum: r.mos_sum, mosCount: r.mos_count,
    });
    for (const rating of RATINGS) t.ratings[rating as Rating] = r[`r_${rating}`] as number;
    if (r.bin !== null) t.answersByWait.set(r.bin, r.answers as number);
    const total = byAgent.get(r.agent_id) ?? byAgent.set(r.agent_id, emptyAgentTotals(r.agent_id)).get(r.agent_id)!;
    mergeAgentTotals(total, t);
  }
  return [...byAgent.values()];
}
