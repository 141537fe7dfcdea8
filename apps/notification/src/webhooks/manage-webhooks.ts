import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { cursorKey, limitOf, mapPage, pageOf, type Page, type PageQuery } from '@app/platform';
import { kindPatternIsKnown } from '../domain/alerts/known-kinds';
import { isHttpUrl, toWebhookInput, webhookKindProblems, type WebhookInput } from '../domain/webhooks/webhook-input';
import { WebhookAddressGuard } from '../network/webhook-address-guard';
import { NotificationErrors } from '../notification.errors';
import { AlertLog } from '../store/alert-log.store';
import { DeliverySignal } from '../dispatch/delivery-signal';
import { DeliveryStore } from '../store/delivery.store';
import { WebhookStore, type Webhook } from '../store/webhook.store';
import type { WebhookCommand } from './webhook.command';

/** An endpoint as shown: the secret is never given back, only its last characters. */
export interface WebhookView {
  webhookId: string;
  url: string;
  kinds: string[];
  enabled: boolean;
  secretHint: string;
  circuit: { consecutiveFailures: number; openUntil: string | null };
  createdAt: string;
}

export const toView = (w: Webhook): WebhookView => ({
  webhookId: w.webhookId, url: w.url, kinds: w.kinds, enabled: w.enabled, secretHint: `…${w.secret.slice(-4)}`,
  circuit: { consecutiveFailures: w.breaker.consecutiveFailures, openUntil: w.breaker.openUntil === null ? null : new Date(w.breaker.openUntil).toISOString() },
  createdAt: w.createdAt,
});

@Injectable()
export class ManageWebhooks {
  constructor(
    private readonly scope: TransactionScope,
    private readonly webhooks: WebhookStore,
    private readonly deliveries: DeliveryStore,
    private readonly alerts: AlertLog,
    private readonly signal: DeliverySignal,
    private readonly guard: WebhookAddressGuard,
  ) {}

  /** A page of the endpoints, oldest first. */
  async list(q: PageQuery): Promise<Page<WebhookView>> {
    const limit = limitOf(q);
    const key = cursorKey(q, ['int', 'string']) as [number, string] | undefined;
    const rows = await this.webhooks.page(key && { createdUs: key[0], webhookId: key[1] }, limit + 1);
    return mapPage(pageOf(rows, limit, (w) => [w.createdUs, w.webhookId]), toView);
  }

  async get(webhookId: string): Promise<WebhookView> {
    const w = await this.webhooks.get(webhookId);
    if (!w) throw NotificationErrors.webhookNotFound(webhookId);
    return toView(w);
  }

  async register(command: WebhookCommand): Promise<WebhookView> {
    const input = await this.accept(command);
    const webhookId = input.webhookId ?? randomUUID();
    if (await this.webhooks.get(webhookId)) throw NotificationErrors.webhookExists(webhookId);
    return toView(await this.webhooks.create({ ...input, webhookId }));
  }

  async replace(webhookId: string, command: WebhookCommand): Promise<WebhookView> {
    const input = await this.accept(command);
    const w = await this.webhooks.update(webhookId, input);
    if (!w) throw NotificationErrors.webhookNotFound(webhookId);
    return toView(w);
  }

  /** Every failed delivery of the endpoint goes again, and its circuit closes (it was presumably mended). */
  async resendFailed(webhookId: string): Promise<{ resent: number }> {
    if (!(await this.webhooks.get(webhookId))) throw NotificationErrors.webhookNotFound(webhookId);
    const resent = await this.scope.run(async () => {
      await this.webhooks.saveBreaker(webhookId, { consecutiveFailures: 0, openUntil: null });
      const n = await this.deliveries.resend(await this.deliveries.failedOfWebhook(webhookId));
      this.scope.afterCommit(() => this.signal.notify());
      return n;
    });
    return { resent };
  }

  /** What the body's shape cannot tell: an http(s) URL to an address we may call, kinds that could ever match. */
  private async accept(command: WebhookCommand): Promise<WebhookInput> {
    if (!isHttpUrl(command.url)) throw NotificationErrors.webhookUrlNotHttp('url');
    const badKinds = webhookKindProblems(command.kinds);
    if (badKinds.length) throw NotificationErrors.invalidRequest(badKinds);
    const forbidden = await this.guard.refusal(command.url);
    if (forbidden) throw NotificationErrors.webhookAddressForbidden('url', forbidden);
    const seen = await this.alerts.seenKinds();
    const nothing = command.kinds.flatMap((k, i) => (kindPatternIsKnown(k, seen) ? [] : [{ path: `kinds[${i}]`, message: `no known alert kind matches '${k}'` }]));
    if (nothing.length) throw NotificationErrors.ruleMatchesNothing(nothing);
    return toWebhookInput(command);
  }
}
