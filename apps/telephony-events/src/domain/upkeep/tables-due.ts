/** What PostgreSQL's statistics say of one table (pg_stat_user_tables). */
export interface TableActivity {
  table: string;
  liveRows: number;
  deadRows: number;
  changedSinceAnalyze: number;
}

/** The server's own autovacuum thresholds (pg_settings), applied as autovacuum would apply them. */
export interface UpkeepThresholds {
  vacuumBase: number;
  vacuumScale: number;
  analyzeBase: number;
  analyzeScale: number;
}

export interface TablesDue {
  /** Dead rows past the vacuum threshold: VACUUM (ANALYZE) them. */
  vacuum: string[];
  /** Changed past the analyze threshold but not dead enough to vacuum: ANALYZE them. */
  analyze: string[];
}

/**
 * Autovacuum's rule: vacuum when dead rows exceed base + scale × live rows, analyze when the rows
 * changed since the last ANALYZE exceed base + scale × live rows. Tables are listed most
 * overdue first, so a pass that is cut short has done the ones that matter.
 */
export function tablesDue(tables: readonly TableActivity[], t: UpkeepThresholds): TablesDue {
  const over = (n: number, base: number, scale: number, live: number) => n - (base + scale * live);
  const vacuum = tables
    .map((x) => ({ x, by: over(x.deadRows, t.vacuumBase, t.vacuumScale, x.liveRows) }))
    .filter((v) => v.by > 0)
    .sort((a, b) => b.by - a.by)
    .map((v) => v.x.table);
  const vacuumed = new Set(vacuum);
  const analyze = tables
    .filter((x) => !vacuumed.has(x.table))
    .map((x) => ({ x, by: over(x.changedSinceAnalyze, t.analyzeBase, t.analyzeScale, x.liveRows) }))
    .filter((v) => v.by > 0)
    .sort((a, b) => b.by - a.by)
    .map((v) => v.x.table);
  return { vacuum, analyze };
}
