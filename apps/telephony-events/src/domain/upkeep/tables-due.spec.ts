import { tablesDue, type TableActivity } from './tables-due';

const PG_DEFAULTS = { vacuumBase: 50, vacuumScale: 0.2, analyzeBase: 50, analyzeScale: 0.1 };
const t = (table: string, liveRows: number, deadRows: number, changedSinceAnalyze: number): TableActivity => ({ table, liveRows, deadRows, changedSinceAnalyze });

describe('tablesDue (autovacuum\'s rule, applied by the service)', () => {
  it('vacuums past base + scale × live dead rows, most overdue first', () => {
    const due = tablesDue([t('quiet', 1_000, 250, 0), t('queue', 6_000, 115_000, 161_000), t('rollup', 10_000, 391_000, 0)], PG_DEFAULTS);
    // quiet: 250 = 50 + 0.2 × 1,000 exactly, not past it.
    expect(due.vacuum).toEqual(['rollup', 'queue']);
    expect(due.analyze).toEqual([]);
  });

  it('analyzes a partition that filled since its last ANALYZE, and leaves the rest alone', () => {
    const due = tablesDue([t('call_event_y2026m12', 600_000, 0, 600_000), t('call_facts_y2026m12', 70_000, 228, 7_050), t('call_facts_y2026m11', 0, 0, 0)], PG_DEFAULTS);
    expect(due).toEqual({ vacuum: [], analyze: ['call_event_y2026m12'] });
    expect(tablesDue([t('call_facts_y2026m12', 70_000, 228, 7_051)], PG_DEFAULTS).analyze).toEqual(['call_facts_y2026m12']);
  });

  it('follows the thresholds it is given', () => {
    expect(tablesDue([t('a', 100, 11, 0)], { ...PG_DEFAULTS, vacuumBase: 0, vacuumScale: 0.1 }).vacuum).toEqual(['a']);
    expect(tablesDue([t('a', 100, 11, 0)], PG_DEFAULTS).vacuum).toEqual([]);
  });
});
