import type { AlertEvent, AlertSeverity } from '@app/contracts';

export type { AlertEvent, AlertSeverity };
export const SEVERITIES: readonly AlertSeverity[] = ['info', 'warning', 'critical'];

export interface AlertProblem {
  path: string;
  message: string;
}

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max;

/** The contract's alert shape, checked field by field; problems name their paths. */
export function validateAlert(input: unknown): { alert: AlertEvent } | { problems: AlertProblem[] } {
  const a = (typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
  const problems: AlertProblem[] = [];
  const need = (ok: boolean, path: string, message: string) => ok || problems.push({ path, message });
  need(isText(a.alertId, 300), 'alertId', 'must be a non-empty string (≤ 300 characters)');
  need(isText(a.kind, 100) && /^[a-z0-9][a-z0-9._-]*$/.test(a.kind as string), 'kind', 'must be a dotted lower-case name');
  need(SEVERITIES.includes(a.severity as AlertSeverity), 'severity', `must be one of ${SEVERITIES.join(', ')}`);
  need(a.agentId === undefined || a.agentId === null || isText(a.agentId, 100), 'agentId', 'must be a non-empty string when given');
  need(a.team === undefined || a.team === null || isText(a.team, 100), 'team', 'must be a non-empty string when given');
  need(isText(a.title, 500), 'title', 'must be a non-empty string (≤ 500 characters)');
  need(typeof a.body === 'string' && a.body.length <= 20_000, 'body', 'must be a string (≤ 20,000 characters)');
  need(typeof a.occurredAt === 'string' && !Number.isNaN(Date.parse(a.occurredAt)), 'occurredAt', 'must be an ISO-8601 instant');
  need(typeof a.facts === 'object' && a.facts !== null && !Array.isArray(a.facts), 'facts', 'must be an object');
  if (problems.length) return { problems };
  return {
    alert: {
      alertId: a.alertId as string,
      kind: a.kind as string,
      severity: a.severity as AlertSeverity,
      ...(a.agentId ? { agentId: a.agentId as string } : {}),
      ...(a.team ? { team: a.team as string } : {}),
      title: a.title as string,
      body: a.body as string,
      occurredAt: a.occurredAt as string,
      facts: a.facts as Record<string, unknown>,
    },
  };
}
