import type { AlertEvent } from '@app/contracts';
import { anyKindMatches } from '../alerts/kind-pattern';
import { ruleMatches, type NamedRecipient, type PersonChannel, type RecipientRole, type RoutingRule } from './routing-rule';

export interface WebhookSubscription {
  webhookId: string;
  kinds: string[];
  enabled: boolean;
}

/** Where an alert goes before people are looked up: role relations, named people, endpoints. */
export interface Route {
  ruleIds: string[];
  roles: Array<{ role: RecipientRole; channels: PersonChannel[] }>;
  recipients: Array<{ recipient: NamedRecipient; channels: PersonChannel[] }>;
  webhookIds: string[];
}

/**
 * Every enabled matching rule contributes (Alertmanager's `continue: true` everywhere); fallback
 * rules apply only when no ordinary rule matched. Webhooks subscribed to the kind are added.
 * Channels of the same recipient from several rules are merged.
 */
export function routeAlert(alert: AlertEvent, rules: RoutingRule[], webhooks: WebhookSubscription[]): Route {
  const enabled = rules.filter((r) => r.enabled && ruleMatches(r, alert, anyKindMatches));
  const ordinary = enabled.filter((r) => !r.fallback);
  const chosen = ordinary.length ? ordinary : enabled.filter((r) => r.fallback);
  const roles = new Map<RecipientRole, Set<PersonChannel>>();
  const named = new Map<string, { recipient: NamedRecipient; channels: Set<PersonChannel> }>();
  const hooks = new Set<string>();
  for (const rule of chosen) {
    for (const role of rule.roles) addAll(roles, role, rule.channels);
    for (const r of rule.recipients) {
      const key = `${r.userId ?? ''}|${r.email ?? ''}`;
      const entry = named.get(key) ?? { recipient: r, channels: new Set<PersonChannel>() };
      rule.channels.forEach((c) => entry.channels.add(c));
      named.set(key, entry);
    }
    rule.webhookIds.forEach((w) => hooks.add(w));
  }
  for (const w of webhooks) if (w.enabled && anyKindMatches(w.kinds, alert.kind)) hooks.add(w.webhookId);
  return {
    ruleIds: chosen.map((r) => r.ruleId),
    roles: [...roles].map(([role, channels]) => ({ role, channels: [...channels] })),
    recipients: [...named.values()].map((e) => ({ recipient: e.recipient, channels: [...e.channels] })),
    webhookIds: [...hooks],
  };
}

function addAll<K>(map: Map<K, Set<PersonChannel>>, key: K, channels: PersonChannel[]): void {
  const set = map.get(key) ?? new Set<PersonChannel>();
  channels.forEach((c) => set.add(c));
  map.set(key, set);
}
