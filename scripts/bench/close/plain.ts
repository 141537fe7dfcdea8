import type { Client } from 'pg';

/**
 * The baseline: one plain SQL aggregation of the call KPIs per agent for the month (the same
 * predicates as the default policy), no scoring, no events.
 */
export async function plainAggregation(db: Client, from: string, to: string): Promise<{ ms: number; agents: number }> {
  const t = Date.now();
  const res = await db.query(
    `SELECT agent_id, count(*) AS offered, count(*) FILTER (WHERE answered) AS answered, count(*) FILTER (WHERE missed) AS missed,
            sum(ring_ms) FILTER (WHERE answered) AS ring, sum(talk_ms) AS talk, sum(hold_ms) AS hold, sum(wrap_up_ms) AS wrap,
            avg(mos) AS mos, count(*) FILTER (WHERE mos < 3.5) AS poor, count(rating) AS rated,
            count(*) FILTER (WHERE rating IN ('excellent', 'good')) AS good, count(*) FILTER (WHERE ring_ms > 15000) AS ring_violations,
            count(*) FILTER (WHERE longest_hold_ms > 120000) AS long_holds
     FROM scoring.call_leg WHERE offered_at >= $1 AND offered_at < $2 GROUP BY agent_id`,
    [from, to],
  );
  return { ms: Date.now() - t, agents: res.rowCount ?? 0 };
}
