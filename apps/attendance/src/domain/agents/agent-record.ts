import type { AgentUpsertedEvent, Level, Region } from '@app/contracts';

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
