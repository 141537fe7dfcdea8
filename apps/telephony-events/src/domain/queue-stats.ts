import { DateTime } from 'luxon';
import { CallFacts } from './call-facts';
import { QueueStats, tallyQueueStats } from './queue-stats-tally';
import { DEFAULT_TELEPHONY_POLICY } from './telephony-policy';

export type { QueueStats, WaitBin } from './queue-stats-tally';

export interface QueueStatsOptions {
  targetMs: number;
  timeZone: string;
  /** Half-open window [from, to) in epoch ms, applied to each call's arrival. */
  from: number;
  to: number;
  binMs?: number;
}

export interface QueueStatsReport {
  from: number;
  to: number;
  timeZone: string;
  targetMs: number;
  binMs: number;
  overall: QueueStats;
  /** Local calendar days (yyyy-MM-dd) in the time zone, in order. */
  days: ({ day: string } & QueueStats)[];
  /** Local hours (yyyy-MM-ddTHH) in the time zone, in order (a DST-repeated hour would merge; China has no DST). */
  hours: ({ hour: string } & QueueStats)[];
}

/** A call belongs to the queue report when it entered a queue (outbound and direct calls never waited). */
const enteredQueue = (c: CallFacts) => c.queuedAt !== null || c.waitMs !== null || c.abandoned !== null;
/** Calls are placed in time by their arrival in the queue. */
const arrivalOf = (c: CallFacts) => c.queuedAt ?? c.firstEventAt;

function groupBy(calls: CallFacts[], keyOf: (c: CallFacts) => string): [string, CallFacts[]][] {
  const groups = new Map<string, CallFacts[]>();
  for (const c of calls) {
    const key = keyOf(c);
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function computeQueueStats(facts: readonly CallFacts[], options: QueueStatsOptions): QueueStatsReport {
  const { targetMs, timeZone, from, to } = options;
  const binMs = options.binMs ?? DEFAULT_TELEPHONY_POLICY.waitBinMs;
  if (!(binMs > 0)) throw new Error('binMs must be positive');
  if (!DateTime.now().setZone(timeZone).isValid) throw new Error(`unknown time zone ${timeZone}`);
  const calls = facts.filter((c) => enteredQueue(c) && arrivalOf(c) >= from && arrivalOf(c) < to);
  const maxWait = calls.reduce((max, c) => Math.max(max, c.waitMs ?? -1), -1);
  const binCount = maxWait < 0 ? 0 : Math.floor(maxWait / binMs) + 1;
  const tally = (group: CallFacts[]) => tallyQueueStats(group, targetMs, binMs, binCount);
  const local = (c: CallFacts) => DateTime.fromMillis(arrivalOf(c), { zone: timeZone });
  return {
    from, to, timeZone, targetMs, binMs,
    overall: tally(calls),
    days: groupBy(calls, (c) => local(c).toFormat('yyyy-MM-dd')).map(([day, g]) => ({ day, ...tally(g) })),
    hours: groupBy(calls, (c) => local(c).toFormat("yyyy-MM-dd'T'HH")).map(([hour, g]) => ({ hour, ...tally(g) })),
  };
}
