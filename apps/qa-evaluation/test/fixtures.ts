import type { AgentUpsertedEvent, CallSummarizedEvent, DayClosedEvent } from '@app/contracts';
import { CALL_QA_FORM } from '../src/domain/forms/seeded-forms';

/** Every call-qa item at full marks, with overrides by item id. */
export function callQaAnswers(over: Record<string, number | boolean | 'na'> = {}) {
  return CALL_QA_FORM.sections.flatMap((s) => s.items).map((i) => ({ itemId: i.itemId, value: over[i.itemId] ?? (i.type === 'yesno' ? true : i.maxPoints) }));
}

export function callSummary(callId: string, agentId: string, over: Partial<CallSummarizedEvent> = {}, legOver: Partial<CallSummarizedEvent['legs'][0]> = {}): CallSummarizedEvent {
  const at = over.queuedAt ?? '2026-10-05T01:00:00.000Z';
  return {
    eventId: `call-${callId}-v${over.version ?? 1}`, schemaVersion: 1, callId, version: 1, policyVersion: 'default-1', queue: 'sales', direction: 'inbound',
    callerId: '13800000001', queuedAt: at, waitMs: 28_000, answered: true, abandoned: null, abandonedAfterTarget: false,
    endedAt: at, endedBy: 'caller', closedByTimeout: false, mos: 4.2, minMos: 4, maxJitterMs: 5, maxPacketLossPct: 0, rating: 'good',
    legs: [{
      agentId, offeredAt: at, answeredAt: at, endedAt: at, ringMs: 18_000, rings: 4, ringLimitExceeded: true, missed: false, talkMs: 90_000,
      holdMs: 40_000, holdCount: 1, longestHoldMs: 40_000, longHold: false, wrapUpMs: 25_000, transferred: false, transferTarget: null, endedBy: 'caller',
      mos: 4.2, rating: 'good', sourceEventIds: [], ...legOver,
    }],
    sourceEventIds: [],
    ...over,
  };
}

export function agentUpserted(agentId: string, over: Partial<AgentUpsertedEvent> = {}): AgentUpsertedEvent {
  return {
    eventId: `agent-${agentId}-v${over.version ?? 1}`, schemaVersion: 1, agentId, name: agentId, team: 'T1', region: 'east', role: 'agent',
    hireDate: '2026-01-01', supervisorId: 'S01', level: 'regular', active: true, email: null, language: 'zh-CN', version: 1, updatedAt: '2026-10-01T00:00:00Z', ...over,
  };
}

export function dayClosed(agentId: string, date: string, over: Partial<DayClosedEvent> = {}): DayClosedEvent {
  const version = over.version ?? 1;
  return {
    eventId: `day-${agentId}-${date}-v${version}`, schemaVersion: 1, agentId, date, shift: 'morning', status: 'present', lateMinutes: 0, earlyLeaveMinutes: 0,
    excused: false, cause: version === 1 ? 'closed' : 'corrected', version, closedAt: `${date}T12:00:00Z`, ...over,
  };
}
