import { ABANDON_REASONS } from '../domain/events/call-event';

/**
 * The per-queue sums of domain/reports/queue-totals.ts addCall, over call_facts rows: written once and
 * used twice, by the hourly rollup (store/queue-hour-rollup.store.ts) and by the statistics query for
 * the hours the rollup cannot answer (store/queue-totals.sql.ts), so the two cannot drift apart.
 * `overCalls` takes the service-level target (a SQL expression). `kind` fixes the SQL types: counts sum
 * exactly as bigint, durations as numeric, and both become the report's int / float8 only once, at the
 * end, so a sum of hour sums equals the sum over the calls.
 */
export interface CallSum {
  column: string;
  overCalls: (target: string) => string;
  kind: 'count' | 'ms';
}

export const CALL_SUMS: readonly CallSum[] = [
  { column: 'offered', overCalls: () => 'count(*)', kind: 'count' },
  { column: 'answered', overCalls: () => 'count(*) FILTER (WHERE answered)', kind: 'count' },
  ...ABANDON_REASONS.map((r): CallSum => ({ column: `ab_${r}`, overCalls: () => `count(*) FILTER (WHERE abandon_reason = '${r}')`, kind: 'count' })),
  { column: 'after_target', overCalls: (t) => `count(*) FILTER (WHERE abandon_wait_ms > ${t})`, kind: 'count' },
  { column: 'timeouts', overCalls: () => 'count(*) FILTER (WHERE closed_by_timeout)', kind: 'count' },
  { column: 'within_target', overCalls: (t) => `count(*) FILTER (WHERE answered AND wait_ms <= ${t})`, kind: 'count' },
  { column: 'answered_wait_sum', overCalls: () => 'sum(wait_ms) FILTER (WHERE answered)', kind: 'ms' },
  { column: 'answered_wait_count', overCalls: () => 'count(wait_ms) FILTER (WHERE answered)', kind: 'count' },
  { column: 'talk_ms', overCalls: () => 'sum(talk_ms)', kind: 'ms' },
  { column: 'hold_ms', overCalls: () => 'sum(hold_ms)', kind: 'ms' },
  { column: 'missed_legs', overCalls: () => 'sum(missed_legs)', kind: 'count' },
  { column: 'ring_sum_ms', overCalls: () => 'sum(ring_sum_ms)', kind: 'ms' },
  { column: 'ring_count', overCalls: () => 'sum(ring_count)', kind: 'count' },
  { column: 'bin_calls', overCalls: () => 'count(wait_ms)', kind: 'count' },
  { column: 'bin_answered', overCalls: () => 'count(wait_ms) FILTER (WHERE answered)', kind: 'count' },
  { column: 'bin_abandoned', overCalls: () => 'count(wait_ms) FILTER (WHERE NOT answered AND abandon_reason IS NOT NULL)', kind: 'count' },
];

const SQL_TYPE: Record<CallSum['kind'], string> = { count: 'bigint', ms: 'numeric' };
/** Quoted: the abandon reasons are not all safe bare identifiers. */
const col = (s: CallSum) => `"${s.column}"`;

/** Each sum over call_facts rows (grouped by the caller), as `column`. */
export const sumsOverCalls = (target: string): string => CALL_SUMS.map((s) => `(${s.overCalls(target)})::${SQL_TYPE[s.kind]} AS ${col(s)}`).join(', ');

/** Reported (the row shape totalsOf in store/queue-totals.sql.ts reads): counts as int, durations as float8, never null. */
const REPORTED: Record<CallSum['kind'], string> = { count: 'int', ms: 'float8' };

/** Each sum over call_facts rows (grouped by the caller), as reported. */
export const reportedSumsOverCalls = (target: string): string =>
  CALL_SUMS.map((s) => `coalesce(${s.overCalls(target)}, 0)::${REPORTED[s.kind]} AS ${col(s)}`).join(', ');

/** Each sum over rows that already hold sums (rollup rows), as reported. */
export const reportedCallSums = (): string => CALL_SUMS.map((s) => `coalesce(sum(${col(s)}), 0)::${REPORTED[s.kind]} AS ${col(s)}`).join(', ');

/** Each sum over rows that already hold sums, as stored (queue_hour_total from queue_hour_sum's queues). */
export const callSumsOfSums = (): string => CALL_SUMS.map((s) => `sum(${col(s)})`).join(', ');

/** One row that already holds its sums (queue_hour_total: one per hour and bin), as reported, with nothing left to add. */
export const reportedStoredSums = (): string => CALL_SUMS.map((s) => `coalesce(${col(s)}, 0)::${REPORTED[s.kind]} AS ${col(s)}`).join(', ');

export const callSumColumns = (): string => CALL_SUMS.map(col).join(', ');

/**
 * A call's wait bin (waitBinOf in domain/reports/queue-call-figures.ts) with bin width `binMs` (a SQL
 * expression): integer ceil, as numeric division costs per row.
 */
export const waitBinOfCall = (binMs: string): string =>
  `CASE WHEN wait_ms IS NULL THEN NULL WHEN wait_ms <= 0 THEN 0 ELSE ((wait_ms + ${binMs}::bigint - 1) / ${binMs}::bigint - 1)::int END`;

/** A call's local hour in `zone` (a SQL expression), as the report groups it: the rollup keeps it per row. */
export const localHourOfCall = (zone: string): string => `date_trunc('hour', arrival_at AT TIME ZONE ${zone})`;
