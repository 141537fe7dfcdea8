import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { BackgroundWorker } from '@app/platform';
import { afterAttempt, backoffMs } from '../domain/backoff';
import { nextBreakerState } from '../domain/circuit-breaker';
import type { NotificationPolicy } from '../domain/notification-policy';
import { DeliverySignal } from '../dispatch/delivery-signal';
import { DeliveryStore, type AttemptResult, type Delivery } from '../store/delivery.store';
import { PolicyStore } from '../store/policy.store';
import { WebhookStore } from '../store/webhook.store';
import { deliveryMetrics } from './delivery-metrics';
import { EmailSender } from './email-sender';
import { WebhookSender } from './webhook-sender';

/** Safety-net poll for retries that came due and rows another instance left (new rows come with a kick). */
const POLL_MS = 200;
/** A claimed row is leased this much longer than its send may take; a crashed sender's rows come back after it. */
const LEASE_MARGIN_MS = 30_000;

/**
 * Sends pending deliveries without ever blocking the consumer. Each send runs on its own: a slow or
 * dead endpoint holds only its own slots (capped per endpoint), and its open circuit keeps its rows
 * out of the claim altogether. Row state makes every target get an alert at least once, never twice.
 */
@Injectable()
export class DeliveryWorker extends BackgroundWorker implements DeliverySignal {
  private readonly inFlight = new Map<Promise<void>, string>();
  private readonly perTarget = new Map<string, number>();
  /** The last claim was cut short by the caps: a freed slot should claim again at once (otherwise new rows come with a kick). */
  private capped = false;

  constructor(
    private readonly scope: TransactionScope,
    private readonly deliveries: DeliveryStore,
    private readonly webhooks: WebhookStore,
    private readonly policy: PolicyStore,
    private readonly webhookSender: WebhookSender,
    private readonly emailSender: EmailSender,
  ) {
    super(POLL_MS);
  }

  override onApplicationBootstrap(): void {
    deliveryMetrics(); // registered up front, so /metrics shows zeros rather than nothing
    super.onApplicationBootstrap();
  }

  notify(): void {
    this.kick();
  }

  override async onApplicationShutdown(): Promise<void> {
    await super.onApplicationShutdown();
    await Promise.allSettled([...this.inFlight.keys()]);
  }

  protected async work(): Promise<number> {
    const p = (await this.policy.current()).values;
    const free = p.maxInFlight - this.inFlight.size;
    if (free <= 0) {
      this.capped = true;
      return 0;
    }
    const busy = [...this.perTarget].filter(([, n]) => n >= p.maxInFlightPerEndpoint).map(([t]) => t);
    const leaseMs = Math.max(p.webhookTimeoutMs, p.emailTimeoutMs * 3) + LEASE_MARGIN_MS;
    const claimed = await this.scope.run(() => this.deliveries.claimDue(free, p.maxInFlightPerEndpoint, busy, leaseMs));
    this.capped = claimed.length === free || busy.length > 0 || claimed.some((d) => (this.perTarget.get(`${d.channel}:${d.target}`) ?? 0) + 1 >= p.maxInFlightPerEndpoint);
    for (const d of claimed) this.launch(d, p);
    if (claimed.length === free) this.kick();
    return claimed.length;
  }

  private launch(d: Delivery, p: NotificationPolicy): void {
    const key = `${d.channel}:${d.target}`;
    this.perTarget.set(key, (this.perTarget.get(key) ?? 0) + 1);
    const run = this.deliver(d, p)
      .catch((err) => this.logger.error(`delivery ${d.deliveryId} not settled (its lease brings it back): ${(err as Error).message}`))
      .finally(() => {
        this.inFlight.delete(run);
        const left = (this.perTarget.get(key) ?? 1) - 1;
        if (left > 0) this.perTarget.set(key, left);
        else this.perTarget.delete(key);
        if (this.capped) this.kick();
      });
    this.inFlight.set(run, key);
  }

  private async deliver(d: Delivery, p: NotificationPolicy): Promise<void> {
    const result = await this.attempt(d, p);
    const ok = result.outcome === 'delivered';
    deliveryMetrics().attempts.inc({ channel: d.channel, outcome: result.outcome });
    deliveryMetrics().attemptSeconds.observe({ channel: d.channel }, result.latencyMs / 1000);
    const next = afterAttempt(ok, d.attempts, p.maxAttempts);
    await this.scope.run(async () => {
      await this.deliveries.settle(
        d,
        result,
        next === 'retry' ? 'pending' : next,
        next === 'retry' ? new Date(Date.now() + backoffMs(d.attempts, p)) : null,
      );
      if (d.channel !== 'webhook') return;
      if (ok) return this.webhooks.closeBreaker(d.target);
      // Failures count up under the row's lock, so parallel failures each add one.
      const state = await this.webhooks.lockBreaker(d.target);
      if (state) await this.webhooks.saveBreaker(d.target, nextBreakerState(state, false, Date.now(), p));
    });
  }

  private async attempt(d: Delivery, p: NotificationPolicy): Promise<AttemptResult> {
    if (d.channel === 'email') {
      return this.emailSender.send(d.recipient.email!, d.recipient.language ?? 'zh-CN', d.message, p.timeZone, p.emailTimeoutMs);
    }
    const hook = (await this.webhooks.subscriptions()).find((w) => w.webhookId === d.target);
    if (!hook) return { outcome: 'failed', statusCode: null, latencyMs: 0, error: 'webhook removed or disabled' };
    return this.webhookSender.send(hook.url, hook.secret, d.message, d.deliveryId, p.webhookTimeoutMs);
  }
}
