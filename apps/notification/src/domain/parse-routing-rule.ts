import type { AlertSeverity } from '@app/contracts';
import { SEVERITIES } from './alert';
import { KIND_PATTERN_SYNTAX } from './kind-pattern';
import { CHANNELS, RECIPIENT_ROLES, type NamedRecipient, type PersonChannel, type RecipientRole, type RoutingRule } from './routing-rule';

export type RoutingRuleInput = Omit<RoutingRule, 'ruleId'> & { ruleId?: string };

export interface InputProblem {
  path: string;
  message: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const obj = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

function stringList(v: unknown, path: string, problems: InputProblem[], check?: (s: string) => string | null): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    problems.push({ path, message: 'must be an array of strings' });
    return [];
  }
  return v.filter((s, i) => {
    const bad = typeof s !== 'string' || s.length === 0 ? 'must be a non-empty string' : check?.(s) ?? null;
    if (bad) problems.push({ path: `${path}[${i}]`, message: bad });
    return !bad;
  }) as string[];
}

/** A routing rule from a request body: shape and syntax only (what exists is checked against the stores). */
export function parseRoutingRule(body: unknown): { rule: RoutingRuleInput } | { problems: InputProblem[] } {
  const b = obj(body);
  if (!b) return { problems: [{ path: 'body', message: 'must be a routing rule object' }] };
  const problems: InputProblem[] = [];
  const known = new Set(['ruleId', 'name', 'match', 'roles', 'recipients', 'webhookIds', 'channels', 'fallback', 'enabled']);
  for (const k of Object.keys(b)) if (!known.has(k)) problems.push({ path: k, message: 'unknown field' });
  if (b.ruleId !== undefined && (typeof b.ruleId !== 'string' || !/^[A-Za-z0-9._-]{1,100}$/.test(b.ruleId))) problems.push({ path: 'ruleId', message: 'letters, digits, dot, dash or underscore (≤ 100)' });
  if (typeof b.name !== 'string' || b.name.trim() === '' || b.name.length > 200) problems.push({ path: 'name', message: 'must be a non-empty string (≤ 200)' });
  const m = b.match === undefined ? {} : obj(b.match);
  if (!m) problems.push({ path: 'match', message: 'must be an object' });
  const match = m ?? {};
  for (const k of Object.keys(match)) if (!['kinds', 'severities', 'teams', 'agentIds'].includes(k)) problems.push({ path: `match.${k}`, message: 'unknown field' });
  const kinds = stringList(match.kinds, 'match.kinds', problems, (s) => (KIND_PATTERN_SYNTAX.test(s) ? null : 'not a kind or a kind pattern'));
  const severities = stringList(match.severities, 'match.severities', problems, (s) => (SEVERITIES.includes(s as AlertSeverity) ? null : `one of ${SEVERITIES.join(', ')}`));
  const teams = stringList(match.teams, 'match.teams', problems);
  const agentIds = stringList(match.agentIds, 'match.agentIds', problems);
  const roles = stringList(b.roles, 'roles', problems, (s) => (RECIPIENT_ROLES.includes(s as RecipientRole) ? null : `one of ${RECIPIENT_ROLES.join(', ')}`));
  const webhookIds = stringList(b.webhookIds, 'webhookIds', problems);
  const channels = b.channels === undefined ? [...CHANNELS] : stringList(b.channels, 'channels', problems, (s) => (CHANNELS.includes(s as PersonChannel) ? null : `one of ${CHANNELS.join(', ')}`));
  const recipients = parseRecipients(b.recipients, problems);
  if (b.channels !== undefined && channels.length === 0 && !problems.some((p) => p.path.startsWith('channels'))) problems.push({ path: 'channels', message: 'name at least one channel' });
  if (roles.length + recipients.length + webhookIds.length === 0 && !problems.some((p) => /^(roles|recipients|webhookIds)/.test(p.path))) {
    problems.push({ path: 'roles', message: 'a rule must deliver to at least one role, recipient or webhook' });
  }
  for (const k of ['fallback', 'enabled'] as const) if (b[k] !== undefined && typeof b[k] !== 'boolean') problems.push({ path: k, message: 'must be true or false' });
  if (problems.length) return { problems };
  return {
    rule: {
      ...(typeof b.ruleId === 'string' ? { ruleId: b.ruleId } : {}),
      name: (b.name as string).trim(),
      match: { ...(kinds.length ? { kinds } : {}), ...(severities.length ? { severities: severities as AlertSeverity[] } : {}), ...(teams.length ? { teams } : {}), ...(agentIds.length ? { agentIds } : {}) },
      roles: roles as RecipientRole[],
      recipients,
      webhookIds,
      channels: channels as PersonChannel[],
      fallback: b.fallback === true,
      enabled: b.enabled !== false,
    },
  };
}

function parseRecipients(v: unknown, problems: InputProblem[]): NamedRecipient[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    problems.push({ path: 'recipients', message: 'must be an array' });
    return [];
  }
  const out: NamedRecipient[] = [];
  v.forEach((item, i) => {
    const r = obj(item);
    const path = `recipients[${i}]`;
    if (!r) return problems.push({ path, message: 'must be an object with userId and/or email' });
    const before = problems.length;
    if (r.userId !== undefined && (typeof r.userId !== 'string' || !r.userId)) problems.push({ path: `${path}.userId`, message: 'must be a non-empty string' });
    if (r.email !== undefined && (typeof r.email !== 'string' || !EMAIL.test(r.email))) problems.push({ path: `${path}.email`, message: 'must be an e-mail address' });
    if (r.language !== undefined && r.language !== 'zh-CN' && r.language !== 'en') problems.push({ path: `${path}.language`, message: 'zh-CN or en' });
    if (r.userId === undefined && r.email === undefined) problems.push({ path, message: 'needs userId or email' });
    if (problems.length === before) {
      out.push({ ...(r.userId ? { userId: r.userId as string } : {}), ...(r.email ? { email: r.email as string } : {}), ...(r.language ? { language: r.language as 'zh-CN' | 'en' } : {}) });
    }
  });
  return out;
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
