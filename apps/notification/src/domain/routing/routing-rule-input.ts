import type { AlertSeverity } from '@app/contracts';
import { SEVERITIES } from '../alerts/alert';
import { elementProblems, oneOf, type InputProblem } from '../input/input-problem';
import { KIND_PATTERN_SYNTAX } from '../alerts/kind-pattern';
import { CHANNELS, RECIPIENT_ROLES, type NamedRecipient, type PersonChannel, type RecipientRole, type RoutingRule } from './routing-rule';

export type RoutingRuleInput = Omit<RoutingRule, 'ruleId'> & { ruleId?: string };

/** A rule as the request body gave it, its field types already checked at the edge. */
export interface RoutingRuleRequest {
  ruleId?: string;
  name: string;
  match?: { kinds?: string[]; severities?: string[]; teams?: string[]; agentIds?: string[] };
  roles?: string[];
  recipients?: NamedRecipient[];
  webhookIds?: string[];
  channels?: string[];
  fallback?: boolean;
  enabled?: boolean;
}

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const notAKindPattern = (s: string): string | null => (KIND_PATTERN_SYNTAX.test(s) ? null : 'not a kind or a kind pattern / 不是告警类型或类型模式');

/**
 * What a rule's fields cannot say alone: each name in its lists, a recipient named somehow, and
 * someone to deliver to. (What exists is checked against the stores afterwards.)
 */
export function ruleRequestProblems(r: RoutingRuleRequest): InputProblem[] {
  const problems = [
    ...elementProblems(r.match?.kinds, 'match.kinds', notAKindPattern),
    ...elementProblems(r.match?.severities, 'match.severities', oneOf(SEVERITIES)),
    ...elementProblems(r.roles, 'roles', oneOf(RECIPIENT_ROLES)),
    ...elementProblems(r.channels, 'channels', oneOf(CHANNELS)),
    ...(r.recipients ?? []).flatMap((p, i) => (p.userId === undefined && p.email === undefined ? [{ path: `recipients[${i}]`, message: 'needs userId or email / 需要 userId 或 email' }] : [])),
  ];
  const deliversTo = (r.roles?.length ?? 0) + (r.recipients?.length ?? 0) + (r.webhookIds?.length ?? 0);
  if (deliversTo === 0) problems.push({ path: 'roles', message: 'a rule must deliver to at least one role, recipient or webhook / 规则至少要投递给一个角色、收件人或 Webhook' });
  return problems;
}

/** The rule as stored: lists default to empty, channels to every person channel, absent match lists dropped. */
export function toRuleInput(r: RoutingRuleRequest): RoutingRuleInput {
  const m = r.match ?? {};
  return {
    ...(r.ruleId !== undefined ? { ruleId: r.ruleId } : {}),
    name: r.name.trim(),
    match: {
      ...(m.kinds?.length ? { kinds: m.kinds } : {}),
      ...(m.severities?.length ? { severities: m.severities as AlertSeverity[] } : {}),
      ...(m.teams?.length ? { teams: m.teams } : {}),
      ...(m.agentIds?.length ? { agentIds: m.agentIds } : {}),
    },
    roles: (r.roles ?? []) as RecipientRole[],
    recipients: (r.recipients ?? []).map((p) => ({ ...(p.userId ? { userId: p.userId } : {}), ...(p.email ? { email: p.email } : {}), ...(p.language ? { language: p.language } : {}) })),
    webhookIds: r.webhookIds ?? [],
    channels: (r.channels ?? [...CHANNELS]) as PersonChannel[],
    fallback: r.fallback === true,
    enabled: r.enabled !== false,
  };
}

/** Which names in a rule's match refer to nothing this service knows of (a rule that could never fire). */
export function unknownMatchNames(
  match: RoutingRule['match'],
  known: { kindIsKnown: (pattern: string) => boolean; teams: Set<string>; agentIds: Set<string> },
): InputProblem[] {
  const problems: InputProblem[] = [];
  (match.kinds ?? []).forEach((k, i) => known.kindIsKnown(k) || problems.push({ path: `match.kinds[${i}]`, message: `no known alert kind matches '${k}'` }));
  (match.teams ?? []).forEach((t, i) => known.teams.has(t) || problems.push({ path: `match.teams[${i}]`, message: `unknown team '${t}'` }));
  (match.agentIds ?? []).forEach((a, i) => known.agentIds.has(a) || problems.push({ path: `match.agentIds[${i}]`, message: `unknown agent '${a}'` }));
  return problems;
}
