import type { AlertEvent } from '@app/contracts';
import { emailTarget, type AlertRecipient } from '../domain/routing/alert-recipients';
import type { NewDelivery } from '../store/delivery.store';
import type { NewInboxItem } from '../store/inbox.store';

/** The rows one alert leads to: recipients come deduplicated from the domain, webhooks are deduplicated here. */
export class DispatchPlan {
  readonly inboxItems: NewInboxItem[] = [];
  readonly deliveries: NewDelivery[] = [];
  private readonly webhookIds = new Set<string>();

  constructor(
    private readonly alert: AlertEvent,
    private readonly smtp: boolean,
  ) {}

  recipient(r: AlertRecipient): void {
    if (r.channel === 'inbox') this.inbox(r.audienceKind, r.audienceId);
    else this.email(r.personId, r.address, r.language);
  }

  webhook(webhookId: string, url: string): void {
    if (this.webhookIds.has(webhookId)) return;
    this.webhookIds.add(webhookId);
    this.deliveries.push({ alertId: this.alert.alertId, channel: 'webhook', target: webhookId, recipient: { webhookId, url }, message: this.alert, status: 'pending' });
  }

  private inbox(kind: NewInboxItem['audienceKind'], id: string): void {
    const audience = `${kind}:${id}`;
    const a = this.alert;
    this.inboxItems.push({
      alertId: a.alertId, audienceKind: kind, audienceId: id, kind: a.kind, severity: a.severity,
      ...(a.agentId ? { agentId: a.agentId } : {}), ...(a.team ? { team: a.team } : {}),
      title: a.title, body: a.body, facts: a.facts, occurredAt: a.occurredAt,
    });
    this.deliveries.push({ alertId: a.alertId, channel: 'inbox', target: audience, recipient: { audience }, message: a, status: 'delivered' });
  }

  private email(personId: string, address: string | null, language: 'zh-CN' | 'en'): void {
    const target = emailTarget(personId, address);
    const base = { alertId: this.alert.alertId, channel: 'email' as const, target, recipient: { email: address ?? undefined, userId: personId, language }, message: this.alert };
    if (!address) this.deliveries.push({ ...base, status: 'skipped', note: `no e-mail address on record for ${personId}` });
    else if (!this.smtp) this.deliveries.push({ ...base, status: 'skipped', note: 'SMTP_URL not configured' });
    else this.deliveries.push({ ...base, status: 'pending' });
  }
}
