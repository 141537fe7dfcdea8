import type { EntityManager } from 'typeorm';
import { emptyAgentTotals, mergeAgentTotals, type AgentTotals } from '../domain/reports/agent-stats';
import { RATINGS, type Rating } from '../domain/events/call-event';
import { localDayEnd, localDayOf, localDayStart } from './agent-leg-rollup.days';
import { reportedSums, sumsOfSums, sumsOverLegs, waitBinOfLeg } from './agent-leg-rollup.sums';
import { plannerForReports } from './report-planner.sql';

export interface AgentTotalsQuery {
  from: Date;
  to: Date;
  queue?: string;
  binMs: number;
  /** The zone whose local days the daily rollup may answer for. */
  timeZone: string;
}

/**
 * The same sums as domain/agent-stats.ts addLeg over the legs that began in [$1, $2), in one
 * statement (one snapshot): whole local days come from the daily rollup when it was built with this
 * zone and bin and no change to the day's legs is still pending; the window's partial edge days and
 * every other day are summed from call_leg, as ranges of `at`.
 */
const SQL = `
  WITH window_day AS (
    SELECT d::date AS day, ${localDayStart('d::date', '$5')} AS lo, ${localDayEnd('d::date', '$5')} AS hi
    FROM generate_series(${localDayOf('$1::timestamptz', '$5')}::timestamp,
                         ${localDayOf(`$2::timestamptz - interval '1 microsecond'`, '$5')}::timestamp, interval '1 day') AS d
  ),
  rolled AS (
    SELECT day FROM window_day
    WHERE lo >= $1::timestamptz AND hi <= $2::timestamptz
      AND EXISTS (SELECT 1 FROM telephony.agent_leg_basis WHERE time_zone = $5 AND bin_ms = $4)
      AND day NOT IN (SELECT ${localDayOf('at', '$5')} FROM telephony.agent_leg_change)
  ),
  leg AS (
    SELECT l.*, ${waitBinOfLeg('$4')} AS bin
    FROM window_day d JOIN telephony.call_leg l ON l.at >= greatest(d.lo, $1::timestamptz) AND l.at < least(d.hi, $2::timestamptz)
    WHERE d.day NOT IN (SELECT day FROM rolled) AND ($3::text IS NULL OR l.queue = $3)
  ),
  part AS (
    SELECT agent_id, bin, ${sumsOverLegs()} FROM leg GROUP BY agent_id, bin
    UNION ALL
    SELECT agent_id, bin, ${sumsOfSums()} FROM telephony.agent_leg_day
    WHERE day IN (SELECT day FROM rolled) AND ($3::text IS NULL OR queue = $3)
    GROUP BY agent_id, bin
  )
  SELECT agent_id, bin, ${reportedSums()}
  FROM part
  GROUP BY agent_id, bin`;

type Row = Record<string, number | string | null> & { agent_id: string; bin: number | null };

export async function sumAgentTotals(db: EntityManager, q: AgentTotalsQuery): Promise<AgentTotals[]> {
  await plannerForReports(db);
  const rows: Row[] = await db.query(SQL, [q.from.toISOString(), q.to.toISOString(), q.queue ?? null, Math.round(q.binMs), q.timeZone]);
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
