import type { EntityManager } from 'typeorm';
import { ABANDON_REASONS, type AbandonReason } from '../domain/events/call-event';
import type { GroupedQueueTotals } from '../domain/reports/queue-stats';
import { emptyTotals, mergeTotals, type QueueTotals } from '../domain/reports/queue-totals';
import { plannerForReports } from './report-planner.sql';

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

// One pass grouped by local hour and wait bin; days and the overall are sums of hours (mergeTotals),
// so the database sorts once, not once per grouping.
const SQL = `
  SELECT to_char(h, 'YYYY-MM-DD"T"HH24') AS hour, x.* FROM (
    SELECT date_trunc('hour', arrival_at AT TIME ZONE $4) AS h,
           CASE WHEN wait_ms IS NULL THEN NULL WHEN wait_ms <= 0 THEN 0 ELSE ((wait_ms + $6::bigint - 1) / $6::bigint - 1)::int END AS bin,
           ${queueSums('$5')}
    FROM telephony.call_facts
    -- A call's first event is never after its arrival: months that begin after the window are not read.
    WHERE in_queue AND arrival_at >= $1 AND arrival_at < $2 AND first_event_at < $2 AND ($3::text IS NULL OR queue = $3)
    GROUP BY 1, 2
  ) x`;

type Row = Record<string, number | string | null> & { hour: string; bin: number | null };

export function totalsOf(r: Record<string, number | string | null>): QueueTotals {
  const t = emptyTotals();
  t.offered = r.offered as number;
  t.answered = r.answered as number;
  for (const reason of ABANDON_REASONS) t.abandoned[reason as AbandonReason] = r[`ab_${reason}`] as number;
  t.abandonedAfterTarget = r.after_target as number;
  t.timeouts = r.timeouts as number;
  t.answeredWithinTarget = r.within_target as number;
  t.answeredWaitSumMs = r.answered_wait_sum as number;
  t.answeredWaitCount = r.answered_wait_count as number;
  t.talkMs = r.talk_ms as number;
  t.holdMs = r.hold_ms as number;
  t.ringNoAnswer = r.missed_legs as number;
  t.ringSumMs = r.ring_sum_ms as number;
  t.ringCount = r.ring_count as number;
  return t;
}

/** Overall, per local day and hour, each with its wait bins. Memory is the number of hours × bins, not calls. */
export async function sumQueueTotals(db: EntityManager, q: QueueTotalsQuery): Promise<GroupedQueueTotals> {
  await plannerForReports(db);
  const rows: Row[] = await db.query(SQL, [q.from.toISOString(), q.to.toISOString(), q.queue ?? null, q.timeZone, q.targetMs, Math.round(q.binMs)]);
  const g: GroupedQueueTotals = { overall: emptyTotals(), days: new Map(), hours: new Map() };
  const into = (m: Map<string, QueueTotals>, key: string) => m.get(key) ?? m.set(key, emptyTotals()).get(key)!;
  for (const r of rows) {
    const t = totalsOf(r);
    if (r.bin !== null) t.bins.set(r.bin, { calls: r.bin_calls as number, answered: r.bin_answered as number, abandoned: r.bin_abandoned as number });
    for (const total of [g.overall, into(g.days, r.hour.slice(0, 10)), into(g.hours, r.hour)]) mergeTotals(total, t);
  }
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
