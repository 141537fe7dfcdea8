import type {
  AgentUpsertedEvent, AppraisalSubmittedEvent, CallLegSummary, CallSummarizedEvent, ComplaintJudgedEvent, ConductRecordedEvent, ConductVoidedEvent,
  DayClosedEvent, EvaluationEvent, Level,
} from '@app/contracts';

/** Facts of the contract's shapes, as their producers publish them. */
type Fact<T> = { subject: string; payload: T & { eventId: string }; msgId?: string };

export function agent(agentId: string, level: Level, role: AgentUpsertedEvent['role'] = 'agent', version = 1): Fact<AgentUpsertedEvent> {
  return {
    subject: 'attendance.agent.upserted',
    payload: {
      eventId: `agent-${agentId}-v${version}`, schemaVersion: 1, agentId, name: `坐席 ${agentId}`, team: 'T1', region: 'east', role, hireDate: '2026-01-05',
      supervisorId: 'S01', level, active: true, email: null, language: 'zh-CN', version, updatedAt: '2026-10-01T00:00:00Z',
    },
  };
}

export function call(callId: string, agentId: string, offeredAt: string, leg: Partial<CallLegSummary> = {}, version = 1): Fact<CallSummarizedEvent> {
  const l: CallLegSummary = {
    agentId, offeredAt, answeredAt: offeredAt, endedAt: null, ringMs: 6_000, rings: 2, ringLimitExceeded: false, missed: false, talkMs: 60_000,
    holdMs: 0, holdCount: 0, longestHoldMs: 0, longHold: false, wrapUpMs: 10_000, transferred: false, transferTarget: null, endedBy: 'caller',
    mos: 4.2, rating: null, sourceEventIds: [], ...leg,
  };
  return {
    subject: 'telephony.call.summarized',
    payload: {
      eventId: `call-${callId}-v${version}`, schemaVersion: 1, callId, version, policyVersion: 'default-1', queue: 'sales', direction: 'inbound', callerId: null,
      queuedAt: offeredAt, waitMs: 0, answered: !l.missed, abandoned: null, abandonedAfterTarget: false, endedAt: null, endedBy: 'caller', closedByTimeout: false,
      mos: l.mos, minMos: l.mos, maxJitterMs: null, maxPacketLossPct: null, rating: l.rating, legs: [l], sourceEventIds: [],
    },
  };
}

export function evaluation(evaluationId: string, agentId: string, percent: number, evaluatedAt: string, version = 1): Fact<EvaluationEvent> {
  return {
    subject: version === 1 ? 'qa.evaluation.finalized' : 'qa.evaluation.revised',
    payload: {
      eventId: `evaluation-${evaluationId}-v${version}`, schemaVersion: 1, evaluationId, callId: 'c-x', agentId, formId: 'call-qa', formVersion: 1,
      score: percent, maxScore: 100, percent, criticalFail: false, evaluatedAt, evaluatorId: 'Q1', version,
    },
  };
}

export function appraisal(agentId: string, period: string, attitude: number, capability: number, version = 1, anyItemZero = false): Fact<AppraisalSubmittedEvent> {
  return {
    subject: 'qa.appraisal.submitted',
    payload: {
      eventId: `appraisal-${agentId}-${period}-v${version}`, schemaVersion: 1, agentId, period, scores: {}, sections: { attitude, capability },
      total: attitude + capability, anyItemZero, supervisorId: 'S01', formId: 'monthly-appraisal', formVersion: 1, version, submittedAt: '2026-11-03T02:00:00Z',
    },
  };
}

export function day(agentId: string, date: string, over: Partial<DayClosedEvent> = {}, version = 1): Fact<DayClosedEvent> {
  return {
    subject: 'attendance.day.closed',
    payload: {
      eventId: `day-${agentId}-${date}-v${version}`, schemaVersion: 1, agentId, date, shift: 'morning', status: 'present', lateMinutes: 0, earlyLeaveMinutes: 0,
      excused: false, version, closedAt: `${date}T15:00:00Z`, ...over,
    },
  };
}

export function conduct(recordId: string, agentId: string, over: Partial<ConductRecordedEvent>): Fact<ConductRecordedEvent> {
  return {
    subject: 'qa.conduct.recorded',
    payload: {
      eventId: `conduct-${recordId}`, schemaVersion: 1, recordId, agentId, code: 'X', kind: 'points', amount: 0, points: 0, occurredAt: '2026-10-12T02:00:00Z',
      issuerId: 'S01', labelZh: '记录', labelEn: 'record', ...over,
    },
  };
}

export function voided(recordId: string, agentId: string): Fact<ConductVoidedEvent> {
  return {
    subject: 'qa.conduct.voided',
    payload: { eventId: `conduct-${recordId}-voided`, schemaVersion: 1, recordId, agentId, reason: 'appeal upheld', issuerId: 'S01', voidedAt: '2026-11-20T02:00:00Z' },
  };
}

export function complaint(complaintId: string, agentId: string, receivedAt: string, valid = true, version = 1, category: ComplaintJudgedEvent['category'] = 'knowledge'): Fact<ComplaintJudgedEvent> {
  return {
    subject: 'qa.complaint.judged',
    payload: { eventId: `complaint-${complaintId}-v${version}`, schemaVersion: 1, complaintId, agentId, valid, category, receivedAt, version, judgedAt: receivedAt },
  };
}
