import { AGENT_ROLES, LEVELS, REGIONS, type AgentRole, type AgentUpsertedEvent, type Level, type Region } from '@app/contracts';
import { isRecord, requireText, unknownFields, type FieldError } from './item-errors';
import { isLocalDate, isPeriod } from './local-time';

/** The agent as attendance holds it: the published event's fields without the event's own. */
export type AgentRecord = Omit<AgentUpsertedEvent, 'eventId' | 'schemaVersion' | 'version' | 'updatedAt'>;

/**
 * An agent as posted: `level` and `levelEffectiveFrom` may be left out, and what they come to depends on the
 * record already held (resolveAgent).
 */
export type AgentInput = Omit<AgentRecord, 'level' | 'levelEffectiveFrom'> & { level?: Level; levelEffectiveFrom?: string };

/** A new agent's level when the record gives none: 试用期 (rules.md §7, §11; contracts.md). */
export const NEW_AGENT_LEVEL: Level = 'trainee';

const FIELDS = ['agentId', 'name', 'team', 'region', 'role', 'hireDate', 'supervisorId', 'level', 'levelEffectiveFrom', 'active', 'email', 'language'] as const;

/** Region labels (rules.md §1), for what people read. */
export const REGION_LABELS: Record<Region, string> = {
  east: '华东 East', south: '华南 South', southwest: '西南 Southwest', central: '华中 Central',
  northeast: '东北 Northeast', northwest: '西北 Northwest', north: '华北 North',
};

/** A real month written yyyy-mm (its first day a real date). */
export function isMonth(v: unknown): v is string {
  return isPeriod(v) && isLocalDate(`${v}-01`);
}

/** An agent as posted (JSON or a CSV row, where every value is text) → the input or field errors. */
export function parseAgent(raw: unknown): { agent: AgentInput } | { errors: FieldError[] } {
  if (!isRecord(raw)) return { errors: [{ path: '', message: 'an agent object' }] };
  const errors: FieldError[] = [...unknownFields(raw, FIELDS), ...requireText(raw, 'agentId', 64), ...requireText(raw, 'name'), ...requireText(raw, 'team', 64)];
  const oneOf = (key: string, list: readonly string[], fallback?: string) => {
    const v = raw[key] ?? fallback;
    if (typeof v !== 'string' || !list.includes(v)) errors.push({ path: key, message: `one of ${list.join(', ')}` });
    return v as string;
  };
  const region = oneOf('region', REGIONS);
  const role = oneOf('role', AGENT_ROLES, 'agent');
  // Left out (or null): resolveAgent decides from the record already held.
  const level = raw.level === undefined || raw.level === null ? undefined : oneOf('level', LEVELS);
  const levelEffectiveFrom = raw.levelEffectiveFrom ?? undefined;
  if (levelEffectiveFrom !== undefined && !isMonth(levelEffectiveFrom)) {
    errors.push({ path: 'levelEffectiveFrom', message: 'a real month yyyy-mm / 有效的月份 yyyy-mm' });
  }
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
      role: role as AgentRole, hireDate: raw.hireDate as string, supervisorId, active: active as boolean, email,
      language: language as AgentRecord['language'],
      ...(level === undefined ? {} : { level: level as Level }),
      ...(levelEffectiveFrom === undefined ? {} : { levelEffectiveFrom: levelEffectiveFrom as string }),
    },
  };
}

/**
 * The record an input comes to, given the one held (if any) and the current month of the policy's time zone.
 * No `level`: a new agent is a trainee, an existing one keeps theirs. No `levelEffectiveFrom`: the current month
 * when the level is set (a new agent) or changed, otherwise the month already held (none for a record from before
 * the field existed). HR's probation (OPS: trainee → regular after 2 months once the exam is passed) is a level
 * change posted with the month it takes effect.
 */
export function resolveAgent(input: AgentInput, held: AgentRecord | undefined, currentMonth: string): AgentRecord {
  const { level: givenLevel, levelEffectiveFrom: givenFrom, ...rest } = input;
  const level = givenLevel ?? held?.level ?? NEW_AGENT_LEVEL;
  const levelEffectiveFrom = givenFrom ?? (!held || held.level !== level ? currentMonth : held.levelEffectiveFrom);
  return { ...rest, level, ...(levelEffectiveFrom ? { levelEffectiveFrom } : {}) };
}

/** Whether nothing published would change (a field only in one of them, e.g. `levelEffectiveFrom`, is a change). */
export function sameAgent(a: AgentRecord, b: AgentRecord): boolean {
  return FIELDS.every((k) => (a[k] ?? null) === (b[k] ?? null));
}

/** Whether the agent counts toward the "at most N per region per team" rule. */
export function countsTowardRegion(a: AgentRecord): boolean {
  return a.active && a.role === 'agent';
}
