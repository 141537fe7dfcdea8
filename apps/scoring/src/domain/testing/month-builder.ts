import type { AgentMonthInput, DayInput, LegRef, RecordInput } from '../scoring/month-inputs';
import { emptyCallTally } from '../scoring/month-inputs';

/**
 * A regular agent in October 2026 scoring 85.25 by hand: appraisal attitude 30 + capability 28,
 * QA 90% and 80% (avg 85% → 4.25 of 5), knowledge 5, 8 good of 10 rated (8.00), HR 10.
 */
export function agentMonth(agentId: string, over: Partial<AgentMonthInput> = {}): AgentMonthInput {
  return {
    agentId,
    name: agentId,
    team: 'T1',
    role: 'agent',
    levelHeld: 'regular',
    calls: { ...emptyCallTally(), offered: 12, answered: 10, missed: 2, rated: 10, goodRated: 8 },
    evaluations: [
      { evaluationId: `${agentId}-ev1`, percent: 90, criticalFail: false },
      { evaluationId: `${agentId}-ev2`, percent: 80, criticalFail: false },
    ],
    appraisal: { id: `appraisal-${agentId}-2026-10`, period: '2026-10', sections: { attitude: 30, capability: 28 }, total: 58, anyItemZero: false, carriedOver: false },
    days: [presentDay(agentId, '2026-10-08')],
    rosteredDays: 22,
    plainWorkedDays: 21,
    awayDays: [],
    windowFacts: [],
    records: [],
    priorPenalties: [],
    validComplaints: [],
    history: [],
    ...over,
  };
}

export function presentDay(agentId: string, date: string, over: Partial<DayInput> = {}): DayInput {
  return { id: `day-${agentId}-${date}`, date, status: 'present', lateMinutes: 0, earlyLeaveMinutes: 0, leaveHalfDay: false, leaveBreaksFullAttendance: null, excused: false, ...over };
}

export function record(recordId: string, over: Partial<RecordInput>): RecordInput {
  return { recordId, code: 'X', kind: 'points', amount: 0, points: 0, occurredAt: '2026-10-10T02:00:00.000Z', labelZh: '记录', labelEn: 'record', scorecardPart: null, ...over };
}

export function leg(callId: string, at: string, ms: number): LegRef {
  return { callId, at, ms };
}

/** Give an agent a total by setting the appraisal so that the total lands on `total` (default card, other parts full). */
export function withTotal(agentId: string, total: number, over: Partial<AgentMonthInput> = {}): AgentMonthInput {
  // Other parts: QA none (5, flagged), knowledge 5, no ratings (10), HR 10 → 30; the appraisal brings the rest.
  const rest = total - 30;
  const attitude = Math.min(35, rest);
  return agentMonth(agentId, {
    evaluations: [],
    calls: { ...emptyCallTally() },
    appraisal: { id: `appraisal-${agentId}`, period: '2026-10', sections: { attitude, capability: rest - attitude }, total: rest, anyItemZero: false, carriedOver: false },
    ...over,
  });
}
