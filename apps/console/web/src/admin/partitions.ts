/** One month partition as telephony-events lists it (`GET /v1/admin/partitions`). */
export interface PartitionRow {
  table: string;
  partition: string;
  /** Local ISO in the policy's zone; null for the default partition, which holds rows outside every month. */
  from: string | null;
  to: string | null;
  rowsEstimate: number;
}

/**
 * By table, then month; each table's default partition last, after its months. The bounds are local
 * ISO strings of one zone with a fixed-width date first, so their text order is their time order.
 */
export function byTableThenMonth(a: PartitionRow, b: PartitionRow): number {
  if (a.table !== b.table) return a.table.localeCompare(b.table);
  if (a.from === b.from) return a.partition.localeCompare(b.partition);
  if (a.from === null) return 1;
  if (b.from === null) return -1;
  return a.from.localeCompare(b.from);
}

/**
 * A bound as the local day it starts. The service already sends it in the policy's zone, so the date
 * is read from the text rather than converted again in the browser's zone (which may differ).
 */
export function localDayOf(bound: string | null): string | null {
  return bound === null ? null : bound.slice(0, 10);
}
