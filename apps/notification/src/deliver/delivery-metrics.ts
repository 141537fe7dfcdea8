import { Counter, Histogram, register } from 'prom-client';

export interface DeliveryMetrics {
  attempts: Counter<'channel' | 'outcome'>;
  attemptSeconds: Histogram<'channel'>;
}

let metrics: DeliveryMetrics | undefined;

/** On the process-wide registry `/metrics` serves; created once, since tests run several apps in one process. */
export function deliveryMetrics(): DeliveryMetrics {
  metrics ??= {
    attempts:
      (register.getSingleMetric('notification_delivery_attempts_total') as Counter<'channel' | 'outcome'> | undefined) ??
      new Counter({ name: 'notification_delivery_attempts_total', help: 'Delivery attempts by channel and outcome', labelNames: ['channel', 'outcome'] }),
    attemptSeconds:
      (register.getSingleMetric('notification_delivery_attempt_seconds') as Histogram<'channel'> | undefined) ??
      new Histogram({ name: 'notification_delivery_attempt_seconds', help: 'Time one webhook POST or e-mail took', labelNames: ['channel'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] }),
  };
  return metrics;
}
