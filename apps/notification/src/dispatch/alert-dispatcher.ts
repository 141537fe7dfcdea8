import { Inject, Injectable } from '@nestjs/common';
import type { AlertEvent } from '@app/contracts';
import { TransactionScope } from '@app/persistence';
import { routeAlert } from '../domain/route-alert';
import type { PersonChannel, RecipientRole } from '../domain/routing-rule';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../notification-settings';
import { AgentDirectory, type AgentRecord } from '../store/agent-directory';
import type { NewDelivery } from '../store/delivery.store';
import { DispatchWriter } from '../store/dispatch-writer';
import type { AudienceKind, NewInboxItem } from '../store/inbox.store';
import { RoutingRuleStore } from '../store/routing-rule.store';
import { WebhookStore } from '../store/webhook.store';
import { DeliverySignal } from './delivery-signal';

export interface DispatchSummary {
  ruleIds: string[];
  inbox: number;
  toSend: number;
}

type Language = 'zh-CN' | 'en';

/**
 * Routes one alert and writes everything it leads to in the caller's transaction: inbox items (and
 * their delivered log rows) at once, one pending delivery per webhook and e-mail address for the
 * worker. Unique (alert, channel, target) rows make a second routing of the same alert a no-op.
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
    const plan = new Plan(alert, this.settings.smtpUrl !== null);
    const { agent, supervisor } = alert.agentId ? await this.directory.findWithSupervisor(alert.agentId) : {};
    const team = alert.team ?? agent?.team;
    for (const { role, channels } of route.roles) await this.resolveRole(plan, role, channels, agent, supervisor, team);
    const named = await this.directory.find(route.recipients.flatMap((r) => (r.recipient.userId ? [r.recipient.userId] : [])));
    for (const { recipient, channels } of route.recipients) {
      const record = recipient.userId ? named.get(recipient.userId) : undefined;
      if (recipient.userId && channels.includes('inbox')) plan.inbox('user', recipient.userId);
      if (channels.includes('email')) {
        const email = recipient.email ?? record?.email ?? null;
        plan.email(recipient.userId ?? email ?? '?', email, recipient.language ?? record?.language ?? 'zh-CN');
      }
    }
    // Only enabled endpoints are in the list: a rule naming a disabled one sends it nothing.
    for (const w of endpoints) if (route.webhookIds.includes(w.webhookId)) plan.webhook(w.webhookId, w.url);

    const toSend = await this.writer.write({ alertId: alert.alertId, ruleIds: route.ruleIds, inboxItems: plan.inboxItems, deliveries: plan.deliveries });
    if (toSend > 0) this.scope.afterCommit(() => this.signal.notify());
    return { ruleIds: route.ruleIds, inbox: plan.inboxItems.length, toSend };
  }

  private async resolveRole(
    plan: Plan,
    role: RecipientRole,
    channels: PersonChannel[],
    agent: AgentRecord | undefined,
    supervisor: AgentRecord | undefined,
    team: string | undefined,
  ): Promise<void> {
    const alert = plan.alert;
    const inbox = channels.includes('inbox');
    const email = channels.includes('email');
    const person = (id: string, record: AgentRecord | undefined) => {
      if (inbox) plan.inbox('user', id);
      if (email) plan.email(id, record?.email ?? null, record?.language ?? 'zh-CN');
    };
    const teamSupervisors = async () => {
      if (!team) {
        if (inbox) plan.inbox('role', 'supervisor');
        return;
      }
      if (inbox) plan.inbox('team', team);
      if (email) for (const s of await this.directory.supervisorsOfTeam(team)) plan.email(s.agentId, s.email, s.language);
    };
    switch (role) {
      case 'agent':
        if (alert.agentId) person(alert.agentId, agent);
        return;
      case 'supervisor':
        if (agent?.supervisorId) return person(agent.supervisorId, supervisor);
        return teamSupervisors();
      case 'team-supervisors':
        return teamSupervisors();
      default:
        // HR, admin and the technical centre are roles, not records: their inbox is shared by the role.
        if (inbox) plan.inbox('role', role);
    }
  }
}

/** What one alert leads to, deduplicated by target as it is built. */
class Plan {
  readonly inboxItems: NewInboxItem[] = [];
  readonly deliveries: NewDelivery[] = [];
  private readonly seen = new Set<string>();

  constructor(
    readonly alert: AlertEvent,
    private readonly smtp: boolean,
  ) {}

  inbox(kind: AudienceKind, id: string): void {
    const audience = `${kind}:${id}`;
    if (!this.once(`inbox|${audience}`)) return;
    const a = this.alert;
    this.inboxItems.push({
      alertId: a.alertId, audienceKind: kind, audienceId: id, kind: a.kind, severity: a.severity,
      ...(a.agentId ? { agentId: a.agentId } : {}), ...(a.team ? { team: a.team } : {}),
      title: a.title, body: a.body, facts: a.facts, occurredAt: a.occurredAt,
    });
    this.deliveries.push({ alertId: a.alertId, channel: 'inbox', target: audience, recipient: { audience }, message: a, status: 'delivered' });
  }

  email(personId: string, address: string | null, language: Language): void {
    const target = address ?? `no-address:${personId}`;
    if (!this.once(`email|${target}`)) return;
    const base = { alertId: this.alert.alertId, channel: 'email' as const, target, recipient: { email: address ?? undefined, userId: personId, language }, message: this.alert };
    if (!address) this.deliveries.push({ ...base, status: 'skipped', note: `no e-mail address on record for ${personId}` });
    else if (!this.smtp) this.deliveries.push({ ...base, status: 'skipped', note: 'SMTP_URL not configured' });
    else this.deliveries.push({ ...base, status: 'pending' });
  }

  webhook(webhookId: string, url: string): void {
    if (!this.once(`webhook|${webhookId}`)) return;
    this.deliveries.push({ alertId: this.alert.alertId, channel: 'webhook', target: webhookId, recipient: { webhookId, url }, message: this.alert, status: 'pending' });
  }

  private once(key: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}
