import { RATINGS } from '../domain/events/call-event';

/**
 * The per-agent sums of domain/reports/agent-stats.ts addLeg, over call_leg rows: written once and
 * used twice, by the daily rollup (store/agent-leg-rollup.store.ts) and by the statistics query for
 * the days the rollup cannot answer (store/agent-totals.sql.ts), so the two cannot drift apart.
 * `kind` fixes one SQL type per column on both sides of their UNION ALL.
 */
export interface LegSum {
  column: string;
  overLegs: string;
  kind: 'count' | 'ms' | 'mos';
}

export const LEG_SUMS: readonly LegSum[] = [
  { column: 'offered', overLegs: 'count(*)', kind: 'count' },
  { column: 'answered', overLegs: 'count(*) FILTER (WHERE answered)', kind: 'count' },
  { column: 'missed', overLegs: 'count(*) FILTER (WHERE missed)', kind: 'count' },
  { column: 'ring_limit', overLegs: 'count(*) FILTER (WHERE ring_limit_exceeded)', kind: 'count' },
  { column: 'ring_sum', overLegs: 'sum(ring_ms)', kind: 'ms' },
  { column: 'ring_count', overLegs: 'count(ring_ms)', kind: 'count' },
  { column: 'talk', overLegs: 'sum(talk_ms) FILTER (WHERE answered)', kind: 'ms' },
  { column: 'hold', overLegs: 'sum(hold_ms)', kind: 'ms' },
  { column: 'hold_count', overLegs: 'sum(hold_count)', kind: 'count' },
  { column: 'long_holds', overLegs: 'count(*) FILTER (WHERE long_hold)', kind: 'count' },
  { column: 'wrap', overLegs: 'sum(wrap_up_ms)', kind: 'ms' },
  { column: 'wrap_count', overLegs: 'count(wrap_up_ms)', kind: 'count' },
  { column: 'transferred', overLegs: 'count(*) FILTER (WHERE transferred)', kind: 'count' },
  { column: 'mos_sum', overLegs: 'sum(mos)', kind: 'mos' },
  { column: 'mos_count', overLegs: 'count(mos)', kind: 'count' },
  ...RATINGS.map((r): LegSum => ({ column: `r_${r}`, overLegs: `count(*) FILTER (WHERE rating = '${r}')`, kind: 'count' })),
  { column: 'answers', overLegs: 'count(answered_after_wait_ms)', kind: 'count' },
];

const SQL_TYPE: Record<LegSum['kind'], string> = { count: 'bigint', ms: 'numeric', mos: 'float8' };

/** Each sum over call_leg rows (grouped by the caller), as `column`. */
export const sumsOverLegs = (): string => LEG_SUMS.map((s) => `(${s.overLegs})::${SQL_TYPE[s.kind]} AS ${s.column}`).join(', ');

/** Each sum over rows that already hold sums (rollup rows, or the parts of a union), as `column`. */
export const sumsOfSums = (): string => LEG_SUMS.map((s) => `sum(${s.column})::${SQL_TYPE[s.kind]} AS ${s.column}`).join(', ');

/** The final row shape sumAgentTotals reads: counts as int, durations and MOS as float8, never null. */
export const reportedSums = (): string =>
  LEG_SUMS.map((s) => `coalesce(sum(${s.column}), 0)::${s.kind === 'count' ? 'int' : 'float8'} AS ${s.column}`).join(', ');

export const columnList = (): string => LEG_SUMS.map((s) => s.column).join(', ');

/**
 * A leg's wait bin (waitBinOf in domain/reports/queue-call-figures.ts) with bin width `binMs` (a
 * SQL expression): integer ceil, as numeric division costs per row.
 */
export const waitBinOfLeg = (binMs: string): string =>
  `CASE WHEN answered_after_wait_ms IS NULL THEN NULL WHEN answered_after_wait_ms <= 0 THEN 0
        ELSE ((answered_after_wait_ms + ${binMs} - 1) / ${binMs} - 1)::int END`;
