import { DateTime } from 'luxon';

/** A partition's half-open range [from, to) of instants (epoch ms) and its table name. */
export interface PartitionRange {
  from: number;
  to: number;
  name: string;
}

export interface PartitionedTable {
  table: string;
  /** The timestamptz column rows are placed by. */
  key: string;
}

/**
 * The tables partitioned by month (PostgreSQL declarative range partitions): raw events by when they
 * happened, a call's facts by its first event, agent legs by when the leg began. A month's rows can
 * then be read, detached and archived without touching the other months.
 */
export const MONTHLY_TABLES: readonly PartitionedTable[] = [
  { table: 'call_event', key: 'occurred_at' },
  { table: 'call_facts', key: 'first_event_at' },
  { table: 'call_leg', key: 'at' },
];

/** The catch-all partition: rows no month partition takes yet (moved out when their month is created). */
export const defaultPartitionName = (table: string): string => `${table}_default`;

/**
 * The local calendar months (in `zone`) from the one holding `fromMs` to the one holding `toMs`,
 * both included: a month of the centre's time zone is one partition, so "October" is one table.
 */
export function localMonths(table: string, fromMs: number, toMs: number, zone: string): PartitionRange[] {
  const out: PartitionRange[] = [];
  let month = DateTime.fromMillis(fromMs, { zone }).startOf('month');
  const last = DateTime.fromMillis(toMs, { zone }).startOf('month');
  while (month <= last) {
    const next = month.plus({ months: 1 });
    out.push({ from: month.toMillis(), to: next.toMillis(), name: `${table}_y${month.toFormat('yyyy')}m${month.toFormat('MM')}` });
    month = next;
  }
  return out;
}

/**
 * The months a service keeps ready: every month an accepted event can fall in (back to the policy's
 * past horizon) and `monthsAhead` after the current one, so no insert waits for DDL.
 */
export function wantedMonths(table: string, nowMs: number, zone: string, pastHorizonDays: number, monthsAhead: number): PartitionRange[] {
  const ahead = DateTime.fromMillis(nowMs, { zone }).plus({ months: monthsAhead }).toMillis();
  return localMonths(table, nowMs - pastHorizonDays * 86_400_000, ahead, zone);
}

/**
 * What is still to be created: the wanted ranges clipped to the gaps between existing partitions.
 * Ranges never overlap (PostgreSQL refuses that), so after a change of the policy's time zone the
 * months already there keep their bounds and the new zone's months fill in around them; a clipped
 * piece is named by its first instant.
 */
export function missingRanges(wanted: readonly PartitionRange[], existing: ReadonlyArray<{ from: number; to: number }>, table: string): PartitionRange[] {
  const taken = [...existing].sort((a, b) => a.from - b.from);
  const out: PartitionRange[] = [];
  for (const w of wanted) {
    let pieces = [{ from: w.from, to: w.to }];
    for (const t of taken) {
      pieces = pieces.flatMap((p) => {
        if (t.to <= p.from || t.from >= p.to) return [p];
        return [{ from: p.from, to: t.from }, { from: t.to, to: p.to }].filter((x) => x.to > x.from);
      });
    }
    for (const p of pieces) {
      const whole = p.from === w.from && p.to === w.to;
      out.push({ ...p, name: whole ? w.name : `${table}_from${DateTime.fromMillis(p.from, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmm")}` });
    }
  }
  return out;
}
