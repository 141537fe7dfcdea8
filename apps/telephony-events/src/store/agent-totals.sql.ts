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
  /**
   * Whose rows, when not everyone's: a team-scoped caller's reach (libs/auth team-rule `reaches`: themself,
   * or anyone whose team in telephony.agent_team, the directory TeamScope reads, is one of `teams`).
   */
  reach?: { self: string | null; teams: readonly string[] };
  /** The agents after this id (byte order), at most `limit` of them: a keyset page. */
  after?: string;
  limit: number;
}

/** A page of agents' totals in id order, and the wait bins every agent of the window is shown with. */
export interface AgentTotalsPage {
  totals: AgentTotals[];
  /** The window's widest wait bin + 1 over every agent in reach (not this page's): one shape on every page. */
  binCount: number;
}

/**
 * The same sums as domain/agent-stats.ts addLeg over the legs that began in [$1, $2), in one
 * statement (one snapshot): whole local days come from the daily rollup when it was built with this
 * zone and bin and no change to the day's legs is still pending; the window's partial edge days and
 * every other day are summed from call_leg, as ranges of `at`. Then the caller's reach, and a page of
 * agents after $9 (at most $10 of them, one row per agent and wait bin).
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
  ),
  grouped AS (SELECT agent_id, bin, ${reportedSums()} FROM part GROUP BY agent_id, bin),
  -- Reach and page apply after the sums: the widest bin is the window's, whatever the page.
  reached AS (
    SELECT * FROM grouped
    WHERE $6::boolean OR agent_id = $7 OR agent_id IN (SELECT agent_id FROM telephony.agent_team WHERE team = ANY($8::text[]))
  ),
  shaped AS (SELECT *, max(bin) OVER () AS max_bin FROM reached),
  paged AS (SELECT *, dense_rank() OVER (ORDER BY agent_id COLLATE "C") AS n FROM shaped WHERE $9::text IS NULL OR agent_id COLLATE "C" > $9)
  SELECT * FROM paged WHERE n <= $10 ORDER BY agent_id COLLATE "C", bin`;

type Row = Record<string, number | string | null> & { agent_id: string; bin: number | null; max_bin: number | null };

export async function sumAgentTotals(db: EntityManager, q: AgentTotalsQuery): Promise<AgentTotalsPage> {
  await plannerForReports(db);
  const rows: Row[] = await db.query(SQL, [
    q.from.toISOString(), q.to.toISOString(), q.queue ?? null, Math.round(q.binMs), q.timeZone,
    q.reach === undefined, q.reach?.self ?? null, [...(q.reach?.teams ?? [])], q.after ?? null, q.limit,
  ]);
  const byAgent = new Map<string, AgentTotals>();
  // One row per agent and wait bin, agents in id order; an agent's totals are the sum of their rows.
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
  const maxBin = rows[0]?.max_bin ?? null;
  return { totals: [...byAgent.values()], binCount: maxBin === null ? 0 : maxBin + 1 };
}
