import type { Client } from 'pg';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import type { CallSummarizedEvent } from '@app/contracts';

/**
 * The consumer path, measured on a sample: `n` call facts of September published on the stream as
 * telephony-events would, until scoring has stored each (inbox, versioned copy, legs). September,
 * so the October being closed is not touched.
 */
export interface SampleResult {
  ms: number;
  perSecond: number;
  /** When the last publish was acked: the stream's own pace, a ceiling for the consumer's figure. */
  publishedMs: number;
  /** Transactions the consumer used, and their sizes (messages per inbox insert). */
  batches: { count: number; median: number; max: number };
}

export async function consumeSample(nc: NatsConnection, db: Client, n: number, agents: number): Promise<SampleResult> {
  const t = Date.now();
  await publishSample(nc, 's', n, agents);
  const publishedMs = Date.now() - t;
  await untilStored(db, 's', n);
  const ms = Date.now() - t;
  return { ms, perSecond: n / (ms / 1000), publishedMs, batches: await batchSizes(db) };
}

/**
 * `n` call facts of September (ids `<prefix><i>`) published and acked on the stream. With the service down, they wait
 * as a backlog: its drain after a start is the consumer's own ceiling, not the publisher's pace.
 */
export async function publishSample(nc: NatsConnection, prefix: string, n: number, agents: number): Promise<void> {
  const js = jetstream(nc);
  const base = Date.parse('2026-09-01T01:00:00Z');
  for (let start = 0; start < n; start += 500) {
    const acks = [];
    for (let i = start; i < Math.min(n, start + 500); i++) {
      const at = new Date(base + i * 60_000).toISOString();
      const event: CallSummarizedEvent = {
        eventId: `call-${prefix}${i}-v1`, schemaVersion: 1, callId: `${prefix}${i}`, version: 1, policyVersion: 'default-1', queue: 'sales', direction: 'inbound', callerId: null,
        queuedAt: at, waitMs: 3_000, answered: true, abandoned: null, abandonedAfterTarget: false, endedAt: at, endedBy: 'caller', closedByTimeout: false,
        mos: 4.1, minMos: 4.0, maxJitterMs: 5, maxPacketLossPct: 0, rating: i % 3 === 0 ? 'good' : null, sourceEventIds: [],
        legs: [{
          agentId: `A${String(i % agents).padStart(5, '0')}`, offeredAt: at, answeredAt: at, endedAt: at, ringMs: 6_000, rings: 2, ringLimitExceeded: false, missed: false,
          talkMs: 90_000, holdMs: 0, holdCount: 0, longestHoldMs: 0, longHold: false, wrapUpMs: 20_000, transferred: false, transferTarget: null, endedBy: 'caller',
          mos: 4.1, rating: i % 3 === 0 ? 'good' : null, sourceEventIds: [],
        }],
      };
      acks.push(js.publish('telephony.call.summarized', JSON.stringify(event), { msgID: event.eventId }));
    }
    await Promise.all(acks);
  }
}

/** Waits until scoring has stored every fact `<prefix><i>`. */
export async function untilStored(db: Client, prefix: string, n: number): Promise<void> {
  for (;;) {
    const q = await db.query(`SELECT count(*)::int AS n FROM scoring.call_fact WHERE call_id LIKE $1`, [`${prefix}%`]);
    if (q.rows[0].n >= n) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A batch's inbox rows share their transaction's now(): grouped by it, they give the batch sizes actually reached. */
async function batchSizes(db: Client): Promise<SampleResult['batches']> {
  const q = await db.query<{ count: number; median: number; max: number }>(
    `SELECT count(*)::int AS count, coalesce(percentile_disc(0.5) WITHIN GROUP (ORDER BY n), 0)::int AS median, coalesce(max(n), 0)::int AS max
     FROM (SELECT count(*) AS n FROM scoring.inbox_message WHERE subject = 'telephony.call.summarized' GROUP BY processed_at) b`,
  );
  return q.rows[0];
}
