import type { AgentRole, ConductKind, Level } from '@app/contracts';

/** One leg the KPIs point at (a ring violation, a long hold). */
export interface LegRef {
  callId: string;
  /** offeredAt, ISO-8601 UTC. */
  at: string;
  ms: number;
}

/** The month's call legs of one agent, tallied with the policy's predicates (store/call-kpis). */
export interface CallTally {
  offered: number;
  answered: number;
  missed: number;
  ringMsAnswered: number;
  talkMs: number;
  holdMs: number;
  wrapUpMs: number;
  mosSum: number;
  mosCount: number;
  poorQuality: number;
  rated: number;
  goodRated: number;
  ringViolations: LegRef[];
  longHolds: LegRef[];
  /** The latest ring violation in the first-offence window before this month, if any. */
  priorRingViolationAt: string | null;
}

export interface EvaluationInput {
  evaluationId: string;
  percent: number;
  criticalFail: boolean;
}

export interface AppraisalInput {
  id: string;
  period: string;
  sections: Record<string, number>;
  total: number;
  anyItemZero: boolean;
  /** Carried over from an earlier month at a forced close. */
  carriedOver: boolean;
}

export interface DayInput {
  id: string;
  date: string;
  status: 'present' | 'absent' | 'leave' | 'holiday' | 'off';
  lateMinutes: number;
  earlyLeaveMinutes: number;
  leaveHalfDay: boolean;
  leaveBreaksFullAttendance: boolean | null;
  excused: boolean;
}

export interface RecordInput {
  recordId: string;
  code: string;
  kind: ConductKind;
  amount: number;
  points: number;
  occurredAt: string;
  labelZh: string;
  labelEn: string;
  /** Filed against a shift lead's scorecard part: counts there (by its size, whatever its sign), nowhere else. */
  scorecardPart: 'volume' | 'quality' | 'conduct' | null;
  /** qa-evaluation recorded it as a first-offence warning (amount 0): a warning it stays. */
  warning?: boolean;
}

/** A penalty of an earlier month, for the first-offence rule. */
export interface PriorPenalty {
  code: string;
  occurredAt: string;
}

export interface ComplaintInput {
  complaintId: string;
  receivedAt: string;
}

/** A closed month of the agent, most recent first. */
export interface PastMonth {
  period: string;
  appraised: boolean;
  /** Hundredths. */
  total: number | null;
  rank: number | null;
  deductionPoints: number;
  levelBefore: Level;
  levelAfter: Level;
}

export interface AgentMonthInput {
  agentId: string;
  name: string;
  team: string;
  role: AgentRole;
  /** The level held during the month (paid at). */
  levelHeld: Level;
  calls: CallTally;
  evaluations: EvaluationInput[];
  appraisal: AppraisalInput | null;
  /**
   * The month's days that carry something: absence, leave, holiday, lateness or early leave. A plain
   * present day changes no figure, so only their number is kept (a month has ~31 per agent).
   */
  days: DayInput[];
  /** Rostered days this month, plain ones included. */
  rosteredDays: number;
  /** Leave + absence days in the months of the exclusion window before this one. */
  awayDaysBefore: number;
  records: RecordInput[];
  priorPenalties: PriorPenalty[];
  validComplaints: ComplaintInput[];
  history: PastMonth[];
}

export interface MonthInputs {
  period: string;
  agents: AgentMonthInput[];
}

export function emptyCallTally(): CallTally {
  return {
    offered: 0, answered: 0, missed: 0, ringMsAnswered: 0, talkMs: 0, holdMs: 0, wrapUpMs: 0, mosSum: 0, mosCount: 0,
    poorQuality: 0, rated: 0, goodRated: 0, ringViolations: [], longHolds: [], priorRingViolationAt: null,
  };
}
