import { AgentStateEvent, AgentStateKind } from './agent-state-event';
import { CallEventLimits, FieldError, instantProblem, textProblem } from './call-event-limits';
import { isoInstantProblem, toEpochMs } from './iso-instant';
import type { RejectedEvent } from './validate-call-event';

export const AGENT_STATE_KINDS: readonly AgentStateKind[] = ['login', 'logout', 'pause', 'unpause', 'member.added', 'member.removed'];

/**
 * `telephony.agent.state` items: `{ eventId, agentId, kind, occurredAt, queue?, reason? }`, held
 * to the same policy bounds as call events (short printable text, an instant in the window).
 */
export function validateAgentStates(raw: unknown[], limits: CallEventLimits, now: number): { valid: AgentStateEvent[]; rejected: RejectedEvent[] } {
  const valid: AgentStateEvent[] = [];
  const rejected: RejectedEvent[] = [];
  raw.forEach((item, index) => {
    const at = `states[${index}]`;
    const errors: FieldError[] = [];
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return void rejected.push({ index, errors: [{ path: at, message: 'state must be an object' }] });
    const o = item as Record<string, unknown>;
    const text = (key: string, max: number, required: boolean) => {
      const v = o[key];
      if (v === undefined && !required) return;
      if (typeof v !== 'string' || v === '') return void errors.push({ path: `${at}.${key}`, message: `${key} must be a non-empty string` });
      const p = textProblem(v, key, max);
      if (p) errors.push({ path: `${at}.${key}`, ...p });
    };
    text('eventId', limits.idMaxLength, true);
    text('agentId', limits.idMaxLength, true);
    text('queue', limits.queueMaxLength, false);
    text('reason', limits.callerIdMaxLength, false);
    if (!AGENT_STATE_KINDS.includes(o.kind as AgentStateKind)) errors.push({ path: `${at}.kind`, message: `kind must be one of ${AGENT_STATE_KINDS.join(', ')}` });
    const ms = isoInstantProblem(o.occurredAt) === null ? toEpochMs(o.occurredAt as string) : null;
    if (ms === null) errors.push({ path: `${at}.occurredAt`, message: 'occurredAt must be ISO-8601 with an offset' });
    else {
      const p = instantProblem(ms, now, limits);
      if (p) errors.push({ path: `${at}.occurredAt`, ...p });
    }
    if (errors.length > 0) {
      const eventId = typeof o.eventId === 'string' && textProblem(o.eventId, 'eventId', limits.idMaxLength) === null ? o.eventId : undefined;
      return void rejected.push({ index, ...(eventId === undefined ? {} : { eventId }), errors });
    }
    valid.push({
      eventId: o.eventId as string, agentId: o.agentId as string, kind: o.kind as AgentStateKind, occurredAt: o.occurredAt as string, at: ms as number,
      ...(o.queue !== undefined ? { queue: o.queue as string } : {}), ...(o.reason !== undefined ? { reason: o.reason as string } : {}),
    });
  });
  return { valid, rejected };
}
