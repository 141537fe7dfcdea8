import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { BackgroundWorker } from '@app/platform';
import { afterAttempt, backoffMs } from '../domain/delivery/backoff';
import { isOpen, nextBreakerState } from '../domain/delivery/circuit-breaker';
import { DEFAULT_NOTIFICATION_POLICY, type NotificationPolicy } from '../domain/policy/notification-policy';
import { DeliverySignal } from '../dispatch/delivery-signal';
import { DeliveryStore, type AttemptResult, type ClaimedDelivery } from '../store/delivery.store';
import { PolicyStore } from '../store/policy.store';
import { WebhookStore } from '../store/webhook.store';
import { deliveryMetrics } from './delivery-metrics';
import { DeliveryLanes, roomPerLane, type LaneLimits } from './delivery-lanes';
import { EmailSender } from './email-sender';
import { WebhookSender } from './webhook-sender';

/** Safety-net poll for retries that came due and rows another instance left (new rows come with a kick). */
const POLL_MS = 200;
/** A claimed row is leased this much longer than its send may take; a crashed sender's rows come back after it. */
const LEASE_MARGIN_MS = 30_000;

/** A claimed row in its lane, with the (local, conservative) time its lease runs out. */
interface Held {
  d: ClaimedDelivery;
  lane: string;
  leaseEndsAt: number;
}

const sendMs = (p: NotificationPolicy) => Math.max(p.webhookTimeoutMs, p.emailTimeoutMs * 3);
const leaseMs = (p: NotificationPolicy) => sendMs(p) + LEASE_MARGIN_MS;
const limitsOf = (p: NotificationPolicy): LaneLimits => ({ inFlight: p.maxInFlightPerEndpoint, queued: p.maxQueuedPerEndpoint, total: p.maxInFlight });

/**
 * Sends pending deliveries without ever blocking the consumer. Every endpoint has its own lane
 * (delivery-lanes.ts): a claim fills each lane up to its room, and each lane sends its rows within
 * its own share of slots, so a slow or dead endpoint holds only its own lane, and its open circuit
 * hands its waiting rows back and keeps them out of the claim. Row state makes every target get an
 * alert at least once, never twice: a row is sent only under a live lease of its own claim.
 */
@Injectable()
export class DeliveryWorker extends BackgroundWorker implements DeliverySignal {
  private readonly lanes = new DeliveryLanes<Held>();
  private readonly sending = new Set<Promise<void>>();
  private policyNow: NotificationPolicy = DEFAULT_NOTIFICATION_POLICY;
  private stopping = false;

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

  /** Sends in flight finish; rows still waiting in lanes go back to the database for the next instance. */
  override async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await super.onApplicationShutdown();
    await this.release(this.lanes.takeAllQueued());
    await Promise.allSettled([...this.sending]);
  }

  protected async work(): Promise<number> {
    const p = (this.policyNow = (await this.policy.current()).values);
    const limits = limitsOf(p);
    const rooms = this.lanes.rooms(limits);
    const lease = leaseMs(p);
    const askedAt = Date.now(); // the lease starts later, in the database: ends are reckoned from here, on the safe side
    const claimed = await this.scope.run(() => this.deliveries.claimDue({ limit: p.maxInFlight, rooms, roomPerLane: roomPerLane(limits), leaseMs: lease }));
    this.lanes.accept(claimed.map((d) => ({ d, lane: d.lane, leaseEndsAt: askedAt + lease })), rooms, limits);
    this.pump();
    if (claimed.length >= p.maxInFlight) this.kick(); // cut short by the limit: more are due
    return claimed.length;
  }

  /** Starts whatever the lanes allow now. */
  private pump(): void {
    if (this.stopping) return;
    for (const held of this.lanes.startable(limitsOf(this.policyNow))) this.launch(held);
  }

  private launch(h: Held): void {
    const run = this.send(h)
      .catch((err) => this.logger.error(`delivery ${h.d.deliveryId} not settled (its lease brings it back): ${(err as Error).message}`))
      .finally(() => {
        this.sending.delete(run);
        this.lanes.finished(h.lane);
        this.pump();
        if (this.lanes.wantsRefill(h.lane, limitsOf(this.policyNow))) this.kick();
      });
    this.sending.add(run);
  }

  private async send(h: Held): Promise<void> {
    const p = this.policyNow;
    let d = h.d;
    // A row that waited long in its lane gets its lease extended first: never send without one to finish under.
    if (h.leaseEndsAt - Date.now() < sendMs(p) + LEASE_MARGIN_MS / 2) {
      const renewed = await this.scope.run(() => this.deliveries.renewLease(d, leaseMs(p)));
      if (!renewed) return this.logger.warn(`delivery ${d.deliveryId}: its lease ran out while it waited; left to whoever holds it now`);
      d = renewed;
    }
    if (await this.deliver(d, p)) await this.release(this.lanes.takeQueued(h.lane));
  }

  /** One attempt, logged and settled; true when it left the endpoint's circuit open. */
  private async deliver(d: ClaimedDelivery, p: NotificationPolicy): Promise<boolean> {
    const result = await this.attempt(d, p);
    const ok = result.outcome === 'delivered';
    deliveryMetrics().attempts.inc({ channel: d.channel, outcome: result.outcome });
    if (result.latencyMs !== null) deliveryMetrics().attemptSeconds.observe({ channel: d.channel }, result.latencyMs / 1000);
    const next = result.refused ? 'failed' : afterAttempt(ok, d.attempts, p.maxAttempts);
    return this.scope.run(async () => {
      await this.deliveries.settle(
        d,
        result,
        next === 'retry' ? 'pending' : next,
        next === 'retry' ? new Date(Date.now() + backoffMs(d.attempts, p)) : null,
      );
      // A refused address says nothing of the endpoint's health: its circuit is left alone.
      if (d.channel !== 'webhook' || result.refused) return false;
      if (ok) {
        await this.webhooks.closeBreaker(d.target);
        return false;
      }
      // Failures count up under the row's lock, so parallel failures each add one.
      const state = await this.webhooks.lockBreaker(d.target);
      if (!state) return false;
      const now = Date.now();
      const after = nextBreakerState(state, false, now, p);
      await this.webhooks.saveBreaker(d.target, after);
      return isOpen(after, now);
    });
  }

  private async attempt(d: ClaimedDelivery, p: NotificationPolicy): Promise<AttemptResult> {
    if (d.channel === 'email') {
      return this.emailSender.send(d.recipient.email!, d.recipient.language ?? 'zh-CN', d.message, p.timeZone, p.emailTimeoutMs);
    }
    const hook = (await this.webhooks.subscriptions()).find((w) => w.webhookId === d.target);
    if (!hook) return { outcome: 'failed', statusCode: null, latencyMs: 0, error: 'webhook removed or disabled' };
    return this.webhookSender.send(hook.url, hook.secret, d.message, d.deliveryId, p.webhookTimeoutMs);
  }

  private async release(rows: Held[]): Promise<void> {
    if (rows.length === 0) return;
    await this.scope
      .run(() => this.deliveries.release(rows.map((h) => h.d)))
      .catch((err) => this.logger.warn(`${rows.length} waiting deliveries not handed back (their leases bring them back): ${(err as Error).message}`));
  }
}
