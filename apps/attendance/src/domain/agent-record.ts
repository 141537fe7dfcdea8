import { AGENT_ROLES, LEVELS, REGIONS, type AgentRole, type AgentUpsertedEvent, type Level, type Region } from '@app/contracts';
import { isRecord, requireText, unknownFields, type FieldError } from './item-errors';
import { isLocalDate } from './local-time';

/** The agent as attendance holds it: the published event's fields without the event's own. */
export type AgentRecord = Omit<AgentUpsertedEvent, 'eventId' | 'schemaVersion' | 'version' | 'updatedAt'>;

const FIELDS = ['agentId', 'name', 'team', 'region', 'role', 'hireDate', 'supervisorId', 'level', 'active', 'email', 'language'] as const;

/** Region labels (rules.md §1), for what people read. */
export const REGION_LABELS: Record<Region, string> = {
  east: '华东 East', south: '华南 South', southwest: '西南 Southwest', central: '华中 Central',
  northeast: '东北 Northeast', northwest: '西北 Northwest', north: '华北 North',
};

/** An agent as posted (JSON or a CSV row, where every value is text) → the record or field errors. */
export function parseAgent(raw: unknown): { agent: AgentRecord } | { errors: FieldError[] } {
  if (!isRecord(raw)) return { errors: [{ path: '', message: 'an agent object' }] };
  const errors: FieldError[] = [...unknownFields(raw, FIELDS), ...requireText(raw, 'agentId', 64), ...requireText(raw, 'name'), ...requireText(raw, 'team', 64)];
  const oneOf = (key: string, list: readonly string[], fallback?: string) => {
    const v = raw[key] ?? fallback;
    if (typeof v !== 'string' || !list.includes(v)) errors.push({ path: key, message: `one of ${list.join(', ')}` });
    return v as string;
  };
  const region = oneOf('region', REGIONS);
  const role = oneOf('role', AGENT_ROLES, 'agent');
  const level = oneOf('level', LEVELS, 'regular');
  const language = oneOf('language', ['zh-CN', 'en'], 'zh-CN');
  if (!isLocalDate(raw.hireDate)) errors.push({ path: 'hireDate', message: 'a real date yyyy-mm-dd' });
  const active = typeof raw.active === 'string' ? ({ true: true, false: false } as Record<string, boolean>)[raw.active.toLowerCase()] : (raw.active ?? true);
  if (typeof active !== 'boolean') errors.push({ path: 'active', message: 'true or false' });
  const optionalText = (key: string) => {
    const v = raw[key];
    if (v === undefined || v === null || v === '') return null;
    if (typeof v !== 'string' || v.length > 200) errors.push({ path: key, message: 'text of up to 200 characters' });
    return v as string;
  };
  const supervisorId = optionalText('supervisorId');
  const email = optionalText('email');
  if (email && !/^[^@\s]+@[^@\s]+$/.test(email)) errors.push({ path: 'email', message: 'an e-mail address' });
  if (errors.length) return { errors };
  return {
    agent: {
      agentId: (raw.agentId as string).trim(), name: (raw.name as string).trim(), team: (raw.team as string).trim(), region: region as Region,
      role: role as AgentRole, hireDate: raw.hireDate as string, supervisorId, level: level as Level, active: active as boolean, email,
      language: language as AgentRecord['language'],
    },
  };
}

export function sameAgent(a: AgentRecord, b: AgentRecord): boolean {
  return FIELDS.every((k) => a[k] === b[k]);
}

/** Whether the agent counts toward the "at most N per region per team" rule. */
export function countsTowardRegion(a: AgentRecord): boolean {
  return a.active && a.role === 'agent';
}
