import { Counter, Gauge, Histogram, register } from 'prom-client';
import type { OutboxBacklog } from './outbox/outbox-backlog';

/**
 * Messaging counters on the process-wide registry that `/metrics` serves. Created once per
 * process, because several Nest apps may live in one process (tests, two instances).
 */
export interface MessagingMetrics {
  handled: Counter<'consumer' | 'outcome'>;
  handleSeconds: Histogram<'consumer'>;
  outboxPublished: Counter;
  outboxParked: Counter;
  outboxUnsent: Gauge<'service' | 'state'>;
  outboxOldestUnsentSeconds: Gauge<'service'>;
}

/** A service's outbox as the gauges read it at scrape time. */
export type OutboxBacklogSource = () => Promise<OutboxBacklog>;

const backlogSources = new Map<string, OutboxBacklogSource>();

/** The outbox gauges read `source` at each scrape until the returned function unregisters it. */
export function registerOutboxBacklog(service: string, source: OutboxBacklogSource): () => void {
  backlogSources.set(service, source);
  return () => {
    if (backlogSources.get(service) === source) backlogSources.delete(service);
  };
}

let lastRead: { at: number; result: Promise<Array<[string, OutboxBacklog]>> } | undefined;

/** One database read per scrape, though two gauges ask. */
function readBacklogs(): Promise<Array<[string, OutboxBacklog]>> {
  const now = Date.now();
  if (!lastRead || now - lastRead.at > 250) lastRead = { at: now, result: queryBacklogs() };
  return lastRead.result;
}

async function queryBacklogs(): Promise<Array<[string, OutboxBacklog]>> {
  const read = await Promise.all(
    [...backlogSources].map(async ([service, source]) => [service, await source().catch(() => undefined)] as const),
  );
  return read.filter((r): r is [string, OutboxBacklog] => r[1] !== undefined);
}

let metrics: MessagingMetrics | undefined;

export function messagingMetrics(): MessagingMetrics {
  metrics ??= {
    handled: new Counter({
      name: 'messaging_messages_total',
      help: 'Messages taken from JetStream by outcome (processed, duplicate, retried, dead_lettered)',
      labelNames: ['consumer', 'outcome'],
      registers: [register],
    }),
    handleSeconds: new Histogram({
      name: 'messaging_handle_seconds',
      help: 'Time from delivery to ack, per consumer',
      labelNames: ['consumer'],
      buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
      registers: [register],
    }),
    outboxPublished: new Counter({
      name: 'messaging_outbox_published_total',
      help: 'Outbox rows published to JetStream and acknowledged by the stream',
      registers: [register],
    }),
    outboxParked: new Counter({
      name: 'messaging_outbox_parked_total',
      help: 'Outbox rows parked after the stream refused them maxAttempts times',
      registers: [register],
    }),
    outboxUnsent: new Gauge({
      name: 'messaging_outbox_unsent',
      help: 'Outbox rows not yet acknowledged by the stream, by state (pending: still tried; parked: waiting for an operator)',
      labelNames: ['service', 'state'],
      registers: [register],
      async collect() {
        this.reset();
        for (const [service, b] of await readBacklogs()) {
          this.set({ service, state: 'pending' }, b.unsent - b.parked);
          this.set({ service, state: 'parked' }, b.parked);
        }
      },
    }),
    outboxOldestUnsentSeconds: new Gauge({
      name: 'messaging_outbox_oldest_unsent_age_seconds',
      help: 'Age of the oldest outbox row not yet acknowledged by the stream (parked rows included); 0 when none',
      labelNames: ['service'],
      registers: [register],
      async collect() {
        this.reset();
        for (const [service, b] of await readBacklogs()) this.set({ service }, b.oldestUnsentAgeSeconds);
      },
    }),
  };
  return metrics;
}
