import type { PartitionRange } from '../domain/partitions/month-partitions';
import { defaultPartitionName } from '../domain/partitions/month-partitions';

/** A TypeORM QueryRunner (migrations) or EntityManager (the service): both answer `query`. */
export interface Sql {
  query(sql: string, params?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface ExistingPartition {
  name: string;
  /** Null for the default partition. */
  from: number | null;
  to: number | null;
  rowsEstimate: number;
}

/** A partition's name, bounds and size estimate, read back from the catalogue (PostgreSQL parses its own bound text). */
const PARTITION_COLUMNS = `c.relname AS name, b.m[1]::timestamptz AS "from", b.m[2]::timestamptz AS "to", greatest(c.reltuples, 0)::float8 AS rows
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
  CROSS JOIN LATERAL (SELECT regexp_match(pg_get_expr(c.relpartbound, c.oid), 'FROM \\(''([^'']+)''\\) TO \\(''([^'']+)''\\)') AS m) b`;

type PartitionRow = { name: string; from: Date | null; to: Date | null; rows: number };
const toPartition = (r: PartitionRow): ExistingPartition => ({ name: r.name, from: r.from?.getTime() ?? null, to: r.to?.getTime() ?? null, rowsEstimate: r.rows });

/** A table's partitions and their bounds, in time order (the default last). */
export async function listPartitions(db: Sql, table: string): Promise<ExistingPartition[]> {
  const rows: PartitionRow[] = await db.query(`SELECT ${PARTITION_COLUMNS} WHERE i.inhparent = $1::regclass ORDER BY 2 NULLS LAST`, [`telephony.${table}`]);
  return rows.map(toPartition);
}

/**
 * The partitions of `tables` in (table, partition name) order after `after`, at most `limit`: a keyset page
 * of the catalogue. Month names sort by time (`_y2026m10`); each table's default comes first.
 */
export async function partitionsPage(
  db: Sql, tables: readonly string[], after: { table: string; name: string } | undefined, limit: number,
): Promise<Array<ExistingPartition & { table: string }>> {
  const keyset = after ? `AND (p.relname::text COLLATE "C", c.relname::text COLLATE "C") > ($3::text, $4::text)` : '';
  const rows: Array<PartitionRow & { table: string }> = await db.query(
    `SELECT p.relname AS "table", ${PARTITION_COLUMNS} JOIN pg_class p ON p.oid = i.inhparent
     WHERE i.inhparent = ANY($1::regclass[]) ${keyset}
     ORDER BY p.relname::text COLLATE "C", c.relname::text COLLATE "C" LIMIT $2`,
    [tables.map((t) => `telephony.${t}`), limit, ...(after ? [after.table, after.name] : [])],
  );
  return rows.map((r) => ({ table: r.table, ...toPartition(r) }));
}

/**
 * Adds one month partition. Created apart and attached (ATTACH takes a weaker lock on the parent
 * than CREATE … PARTITION OF, so ingest and reports go on meanwhile); rows the default partition
 * caught for that month (a late backfill, a change of zone) are moved into it first, in the same
 * transaction. Call inside a transaction.
 */
export async function attachMonth(db: Sql, table: string, key: string, range: PartitionRange): Promise<number> {
  const bounds = [new Date(range.from).toISOString(), new Date(range.to).toISOString()];
  const parent = `telephony.${table}`;
  const fallback = `telephony.${defaultPartitionName(table)}`;
  await db.query(`CREATE TABLE telephony.${range.name} (LIKE ${parent} INCLUDING DEFAULTS)`);
  const moved: Array<{ n: number }> = await db.query(
    `WITH gone AS (DELETE FROM ${fallback} WHERE ${key} >= $1 AND ${key} < $2 RETURNING *),
          kept AS (INSERT INTO telephony.${range.name} SELECT * FROM gone RETURNING 1)
     SELECT count(*)::int AS n FROM kept`,
    bounds,
  );
  await db.query(`ALTER TABLE ${parent} ATTACH PARTITION telephony.${range.name} FOR VALUES FROM ('${bounds[0]}') TO ('${bounds[1]}')`);
  return moved[0].n;
}
