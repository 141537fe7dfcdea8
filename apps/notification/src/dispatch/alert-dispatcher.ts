import { Inject, Injectable } from '@nestjs/common';
import type { AlertEvent } from '@app/contracts';
import { TransactionScope } from '@app/persistence';
import { alertRecipients, teamSupervisorsNeeded } from '../domain/routing/alert-recipients';
import { routeAlert } from '../domain/routing/route-alert';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../notification-settings';
import { AgentDirectory } from '../store/agent-directory';
import { DispatchWriter } from '../store/dispatch-writer';
import { RoutingRuleStore } from '../store/routing-rule.store';
import { WebhookStore } from '../store/webhook.store';
import { DeliverySignal } from './delivery-signal';
import { DispatchPlan } from './dispatch-plan';

export interface DispatchSummary {
  ruleIds: string[];
  inbox: number;
  toSend: number;
}

/**
 * Routes one alert and writes everything it leads to in the caller's transaction: inbox items (and
 * their delivered log rows) at once, one pending delivery per webhook and e-mail address for the
 * worker. Unique (alert, channel, target) rows make a second routing of the same alert a no-op.
 * Whom it reaches is domain/routing/alert-recipients.ts; this class only reads the directory for it.
 */
@Injectable()
export class AlertDispatcher {
  constructor(
    private readonly scope: TransactionScope,
    private readonly rules: RoutingRuleStore,
    private readonly webhooks: WebhookStore,
    private readonly directory: AgentDirectory,
    private readonly writer: DispatchWriter,
    private readonly signal: DeliverySignal,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
  ) {}

  async dispatch(alert: AlertEvent): Promise<DispatchSummary> {
    const endpoints = await this.webhooks.subscriptions();
    const route = routeAlert(alert, await this.rules.active(), endpoints);
    const { agent, supervisor } = alert.agentId ? await this.directory.findWithSupervisor(alert.agentId) : {};
    const team = teamSupervisorsNeeded(alert, route, agent);
    const teamSupervisors = team ? await this.directory.supervisorsOfTeam(team) : [];
    const named = await this.directory.find(route.recipients.flatMap((r) => (r.recipient.userId ? [r.recipient.userId] : [])));

    const plan = new DispatchPlan(alert, this.settings.smtpUrl !== null);
    for (const r of alertRecipients(alert, route, { agent, supervisor, teamSupervisors, named })) plan.recipient(r);
    // Only enabled endpoints are in the list: a rule naming a disabled one sends it nothing.
    for (const w of endpoints) if (route.webhookIds.includes(w.webhookId)) plan.webhook(w.webhookId, w.url);

    const toSend = await this.writer.write({ alertId: alert.alertId, ruleIds: route.ruleIds, inboxItems: plan.inboxItems, deliveries: plan.deliveries });
    if (toSend > 0) this.scope.afterCommit(() => this.signal.notify());
    return { ruleIds: route.ruleIds, inbox: plan.inboxItems.length, toSend };
  }
}
