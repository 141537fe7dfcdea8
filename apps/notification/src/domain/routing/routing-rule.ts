import type { AlertSeverity } from '@app/contracts';

/**
 * Who a rule delivers to, by their relation to the alert:
 * - `agent`: the agent the alert is about; `supervisor`: that agent's supervisor;
 * - `team-supervisors`: the supervisors of the alert's (or the agent's) team;
 * - `hr`, `admin`, `tech` (the technical centre, for media quality): everyone holding that role.
 */
export const RECIPIENT_ROLES = ['agent', 'supervisor', 'team-supervisors', 'hr', 'admin', 'tech'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

export const CHANNELS = ['inbox', 'email'] as const;
export type PersonChannel = (typeof CHANNELS)[number];

export interface NamedRecipient {
  /** A person id (agent id or login subject): their inbox, and their e-mail from the agent records. */
  userId?: string;
  /** An address not (or not only) in the agent records. */
  email?: string;
  language?: 'zh-CN' | 'en';
}

export interface RuleMatch {
  /** Kinds or globs (`call.*`); absent = every kind. */
  kinds?: string[];
  severities?: AlertSeverity[];
  teams?: string[];
  agentIds?: string[];
}

export interface RoutingRule {
  ruleId: string;
  name: string;
  match: RuleMatch;
  roles: RecipientRole[];
  recipients: NamedRecipient[];
  webhookIds: string[];
  /** Channels for people (roles and named recipients); webhooks are their own channel. */
  channels: PersonChannel[];
  /** Applies only when no other rule matched: the default route for kinds nobody planned for. */
  fallback: boolean;
  enabled: boolean;
}

export function ruleMatches(rule: RoutingRule, alert: { kind: string; severity: AlertSeverity; team?: string; agentId?: string }, kindMatch: (patterns: string[], kind: string) => boolean): boolean {
  const m = rule.match;
  if (m.kinds?.length && !kindMatch(m.kinds, alert.kind)) return false;
  if (m.severities?.length && !m.severities.includes(alert.severity)) return false;
  if (m.teams?.length && (!alert.team || !m.teams.includes(alert.team))) return false;
  if (m.agentIds?.length && (!alert.agentId || !m.agentIds.includes(alert.agentId))) return false;
  return true;
}
