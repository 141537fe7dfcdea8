import type { EntityManager } from 'typeorm';
import { ABANDON_REASONS, type AbandonReason } from '../domain/events/call-event';
import type { GroupedQueueTotals } from '../domain/reports/queue-stats';
import { emptyTotals, mergeTotals, type QueueTotals } from '../domain/reports/queue-totals';
import { plannerForReports } from './report-planner.sql';
import { localDayEnd, localDayOf, localDayStart } from './agent-leg-rollup.days';
import { localHourPieces, notedHours } from './queue-hour-rollup.hours';
import { callSumColumns, localHourOfCall, reportedCallSums, reportedStoredSums, reportedSumsOverCalls, waitBinOfCall } from './queue-hour-rollup.sums';

export interface QueueTotalsQuery {
  from: Date;
  to: Date;
  /** Absent: every queue. */
  queue?: string;
  timeZone: string;
  targetMs: number;
  binMs: number;
}

// The same sums as domain/queue-totals.ts addCall, over the figures stored with each call.
// Bins count their upper edge (waitBinOf): bin 0 is [0, w], bin i is (i·w, (i+1)·w].
const queueSums = (target: string) => `
  count(*)::int AS offered,
  count(*) FILTER (WHERE answered)::int AS answered,
  ${ABANDON_REASONS.map((r) => `count(*) FILTER (WHERE abandon_reason = '${r}')::int AS "ab_${r}"`).join(',\n  ')},
  count(*) FILTER (WHERE abandon_wait_ms > ${target})::int AS after_target,
  count(*) FILTER (WHERE closed_by_timeout)::int AS timeouts,
  count(*) FILTER (WHERE answered AND wait_ms <= ${target})::int AS within_target,
  coalesce(sum(wait_ms) FILTER (WHERE answered), 0)::float8 AS answered_wait_sum,
  count(wait_ms) FILTER (WHERE answered)::int AS answered_wait_count,
  coalesce(sum(talk_ms), 0)::float8 AS talk_ms,
  coalesce(sum(hold_ms), 0)::float8 AS hold_ms,
  coalesce(sum(missed_legs), 0)::int AS missed_legs,
  coalesce(sum(ring_sum_ms), 0)::float8 AS ring_sum_ms,
  coalesce(sum(ring_count), 0)::int AS ring_count,
  count(wait_ms)::int AS bin_calls,
  count(wait_ms) FILTER (WHERE answered)::int AS bin_answered,
  count(wait_ms) FILTER (WHERE NOT answered AND abandon_reason IS NOT NULL)::int AS bin_abandoned`;

/**
 * The same sums as domain/queue-totals.ts addCall over the in-queue calls that arrived in [$1, $2), in
 * one statement (one snapshot), by local hour and wait bin. The window is cut into local hours
 * (queue-hour-rollup.hours.ts; a day with a zone transition stays whole): a piece inside the window
 * comes from the hourly rollup when it was built with this zone, bin and target ($7) and no change to
 * its calls is still pending (every queue: queue_hour_total, already summed over the queues; one queue: its
 * rows of queue_hour_sum); the pieces the window's edges cut and the pending ones are summed from
 * call_facts, as ranges of arrival_at. So a month's window reads at most two hours of calls, not the
 * up to two days its partial edge days hold (a month of 2.4 M calls, 2 busy cores: p50 429 → 163 ms idle,
 * 1,132 → 292 ms during ingest, when the days being written have pending changes).
 * Each row is final (no outer GROUP BY, which spilled to disk on the planner's guess of millions of
 * groups): hours are sums of rows, days of hours, the overall of days (sumQueueTotals), which also adds
 * up an hour and bin should both branches answer it.
 */
/** Rollup rows (alias `t`) of the pieces the rollup answers: their hour, or their whole day (a day kept whole). */
const inRolledPieces = (t: string) => `
      ${t}.day >= (SELECT min(day) FROM window_day) AND ${t}.day <= (SELECT max(day) FROM window_day)
      AND ((${t}.day, ${t}.hour) IN (SELECT day, hour FROM rolled_piece WHERE hour IS NOT NULL)
           OR ${t}.day IN (SELECT day FROM rolled_piece WHERE hour IS NULL))`;

const QUEUE_TOTALS_SQL = `
  WITH window_day AS (
    SELECT d::date AS day, ${localDayStart('d::date', '$4')} AS lo, ${localDayEnd('d::date', '$4')} AS hi
    FROM generate_series(${localDayOf('$1::timestamptz', '$4')}::timestamp,
                         ${localDayOf(`$2::timestamptz - interval '1 microsecond'`, '$4')}::timestamp, interval '1 day') AS d
  ),
  pending AS MATERIALIZED (${notedHours('telephony.queue_call_change', '$4')}),
  piece AS MATERIALIZED (
    SELECT p.*, p.lo >= $1::timestamptz AND p.hi <= $2::timestamptz
      AND EXISTS (SELECT 1 FROM telephony.queue_hour_basis WHERE time_zone = $4 AND bin_ms = $6 AND target_ms = $7)
      AND NOT EXISTS (SELECT 1 FROM pending n WHERE n.day = p.day AND (p.hour IS NULL OR n.hour = p.hour)) AS rolled
    FROM (${localHourPieces('window_day')}) AS p
  ),
  raw AS (
    SELECT ${localHourOfCall('$4')} AS h, ${waitBinOfCall('$6')} AS bin, ${reportedSumsOverCalls('$5')}
    -- A call's first event is never after its arrival: months that begin after the window are not read.
    FROM piece p JOIN telephony.call_facts f
      ON f.in_queue AND f.arrival_at >= greatest(p.lo, $1::timestamptz) AND f.arrival_at < least(p.hi, $2::timestamptz) AND f.first_event_at < $2
    WHERE NOT p.rolled AND ($3::text IS NULL OR f.queue = $3)
    GROUP BY 1, 2
  ),
  rolled_piece AS MATERIALIZED (
    SELECT day, hour FROM piece WHERE rolled
  ),
  rolled AS (
    -- One queue: its rows, an hour and bin each. Every queue: the rows summed over the queues already.
    SELECT hour AS h, bin, ${reportedCallSums()} FROM telephony.queue_hour_sum s
    WHERE $3::text IS NOT NULL AND queue = $3 AND ${inRolledPieces('s')}
    GROUP BY hour, bin
    UNION ALL
    SELECT hour AS h, bin, ${reportedStoredSums()} FROM telephony.queue_hour_total s
    WHERE $3::text IS NULL AND ${inRolledPieces('s')}
  )
  SELECT to_char(h, 'YYYY-MM-DD"T"HH24') AS hour, bin, ${callSumColumns()} FROM raw
  UNION ALL
  SELECT to_char(h, 'YYYY-MM-DD"T"HH24') AS hour, bin, ${callSumColumns()} FROM rolled`;

type Row = Record<string, number | string | null> & { hour: string; bin: number | null };

/** Adds a row of reported sums (one hour and bin, or one queue) into `t`, wait bin aside. */
function addSums(t: QueueTotals, r: Record<string, number | string | null>): void {
  t.offered += r.offered as number;
  t.answered += r.answered as number;
  for (const reason of ABANDON_REASONS) t.abandoned[reason as AbandonReason] += r[`ab_${reason}`] as number;
  t.abandonedAfterTarget += r.after_target as number;
  t.timeouts += r.timeouts as number;
  t.answeredWithinTarget += r.within_target as number;
  t.answeredWaitSumMs += r.answered_wait_sum as number;
  t.answeredWaitCount += r.answered_wait_count as number;
  t.talkMs += r.talk_ms as number;
  t.holdMs += r.hold_ms as number;
  t.ringNoAnswer += r.missed_legs as number;
  t.ringSumMs += r.ring_sum_ms as number;
  t.ringCount += r.ring_count as number;
}

export function totalsOf(r: Record<string, number | string | null>): QueueTotals {
  const t = emptyTotals();
  addSums(t, r);
  return t;
}

/**
 * Overall, per local day and hour, each with its wait bins. Memory is the number of hours × bins, not calls.
 * Rows add into their hour, hours into their day, days into the overall: a month's ~5,000 rows cost a
 * few thousand additions, not three merges each (which took the JS longer than the query). Every sum is
 * of whole numbers (counts, milliseconds) well below 2^53, so the order of the additions cannot matter.
 */
export async function sumQueueTotals(db: EntityManager, q: QueueTotalsQuery): Promise<GroupedQueueTotals> {
  await plannerForReports(db);
  const rows: Row[] = await db.query(QUEUE_TOTALS_SQL, [q.from.toISOString(), q.to.toISOString(), q.queue ?? null, q.timeZone, q.targetMs, Math.round(q.binMs), q.targetMs]);
  const g: GroupedQueueTotals = { overall: emptyTotals(), days: new Map(), hours: new Map() };
  const into = (m: Map<string, QueueTotals>, key: string) => m.get(key) ?? m.set(key, emptyTotals()).get(key)!;
  for (const r of rows) {
    const t = into(g.hours, r.hour);
    addSums(t, r);
    if (r.bin !== null) {
      const bin = t.bins.get(r.bin) ?? t.bins.set(r.bin, { calls: 0, answered: 0, abandoned: 0 }).get(r.bin)!;
      bin.calls += r.bin_calls as number;
      bin.answered += r.bin_answered as number;
      bin.abandoned += r.bin_abandoned as number;
    }
  }
  for (const [hour, t] of g.hours) mergeTotals(into(g.days, hour.slice(0, 10)), t);
  for (const t of g.days.values()) mergeTotals(g.overall, t);
  return g;
}

/** Today so far, one row per queue (the live wallboard); no bins. */
export async function sumQueueTotalsByQueue(db: EntityManager, q: Pick<QueueTotalsQuery, 'from' | 'to' | 'targetMs'>): Promise<Map<string, QueueTotals>> {
  const rows: Array<Record<string, number | string | null>> = await db.query(
    `SELECT coalesce(queue, '') AS queue, ${queueSums('$3')}
     FROM telephony.call_facts WHERE in_queue AND arrival_at >= $1 AND arrival_at < $2 AND first_event_at < $2
     GROUP BY 1`,
    [q.from.toISOString(), q.to.toISOString(), q.targetMs],
  );
  return new Map(rows.map((r) => [r.queue as string, totalsOf(r)]));
}
