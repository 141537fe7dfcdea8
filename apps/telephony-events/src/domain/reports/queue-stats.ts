import { DateTime } from 'luxon';
import { CallFacts } from '../facts/call-facts';
import { queueCallFigures } from './queue-call-figures';
import { localIso } from './report-window';
import { QueueStats, queueStatsOf } from './queue-stats-tally';
import { QueueTotals, addCall, emptyTotals } from './queue-totals';
import { DEFAULT_TELEPHONY_POLICY } from '../telephony-policy';

export type { AnsweredWithin, QueueStats, WaitBin } from './queue-stats-tally';

export interface QueueStatsOptions {
  targetMs: number;
  timeZone: string;
  /** Half-open window [from, to) in epoch ms, applied to each call's arrival. */
  from: number;
  to: number;
  binMs?: number;
}

export interface QueueStatsReport {
  /** ISO-8601 with the policy zone's offset, e.g. 2026-10-05T00:00:00.000+08:00. */
  from: string;
  to: string;
  timeZone: string;
  targetMs: number;
  binMs: number;
  overall: QueueStats;
  /** Local calendar days (yyyy-MM-dd) in the time zone, in order. */
  days: ({ day: string } & QueueStats)[];
  /** Local hours (yyyy-MM-ddTHH) in the time zone, in order (a DST-repeated hour would merge; China has no DST). */
  hours: ({ hour: string } & QueueStats)[];
}

/** Totals of a window, overall and by local day and hour; from memory or from SQL. */
export interface GroupedQueueTotals {
  overall: QueueTotals;
  days: Map<string, QueueTotals>;
  hours: Map<string, QueueTotals>;
}

export const DAY_FORMAT = 'yyyy-MM-dd';
export const HOUR_FORMAT = "yyyy-MM-dd'T'HH";

const sorted = <T>(m: Map<string, T>): [string, T][] => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The report from grouped totals: one shape of wait distribution for every group, up to the longest wait. */
export function queueStatsReport(g: GroupedQueueTotals, options: QueueStatsOptions): QueueStatsReport {
  const { targetMs, timeZone, from, to } = options;
  const binMs = options.binMs ?? DEFAULT_TELEPHONY_POLICY.waitBinMs;
  const binCount = g.overall.bins.size === 0 ? 0 : Math.max(...g.overall.bins.keys()) + 1;
  const stats = (t: QueueTotals) => queueStatsOf(t, binMs, binCount);
  return {
    from: localIso(from, timeZone), to: localIso(to, timeZone), timeZone, targetMs, binMs,
    overall: stats(g.overall),
    days: sorted(g.days).map(([day, t]) => ({ day, ...stats(t) })),
    hours: sorted(g.hours).map(([hour, t]) => ({ hour, ...stats(t) })),
  };
}

export function checkQueueStatsOptions(options: QueueStatsOptions): void {
  if (!((options.binMs ?? DEFAULT_TELEPHONY_POLICY.waitBinMs) > 0)) throw new Error('binMs must be positive');
  if (!DateTime.now().setZone(options.timeZone).isValid) throw new Error(`unknown time zone ${options.timeZone}`);
}

/** The report over facts in memory (tests, tools); the service sums the same figures in SQL. */
export function computeQueueStats(facts: readonly CallFacts[], options: QueueStatsOptions): QueueStatsReport {
  checkQueueStatsOptions(options);
  const binMs = options.binMs ?? DEFAULT_TELEPHONY_POLICY.waitBinMs;
  const g: GroupedQueueTotals = { overall: emptyTotals(), days: new Map(), hours: new Map() };
  const into = (m: Map<string, QueueTotals>, key: string) => m.get(key) ?? m.set(key, emptyTotals()).get(key)!;
  for (const c of facts) {
    const f = queueCallFigures(c);
    if (f === null || f.arrivalAt < options.from || f.arrivalAt >= options.to) continue;
    const local = DateTime.fromMillis(f.arrivalAt, { zone: options.timeZone });
    for (const t of [g.overall, into(g.days, local.toFormat(DAY_FORMAT)), into(g.hours, local.toFormat(HOUR_FORMAT))]) {
      addCall(t, f, options.targetMs, binMs);
    }
  }
  return queueStatsReport(g, options);
}
