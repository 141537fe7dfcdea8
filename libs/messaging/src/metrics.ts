import { Counter, Histogram, register } from 'prom-client';

/**
 * Messaging counters on the process-wide registry that `/metrics` serves. Created once per
 * process, because several Nest apps may live in one process (tests, two instances).
 */
export interface MessagingMetrics {
  handled: Counter<'consumer' | 'outcome'>;
  handleSeconds: Histogram<'consumer'>;
  outboxPublished: Counter;
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
  };
  return metrics;
}
