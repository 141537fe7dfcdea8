import type { AgentRole, ConductKind, Level, ScorecardPart } from '@app/contracts';

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
  /** Attendance's own answer for the day (full-attendance.ts); null on days published before it existed. */
  breaksFullAttendance?: boolean | null;
  excused: boolean;
}

/**
 * A leave or absence day of the not-appraised window, with the rostered day before it when that one was a full day
 * away too: the calendar days between them (rest days, holidays) are covered by the same stretch.
 */
export interface AwayDay {
  date: string;
  halfDay: boolean;
  bridgedFrom: string | null;
}

/** What the deduction points of a month are computed from (the month scored, and every month of the window). */
export interface DeductionFacts {
  period: string;
  /** Days that carry something (late, early, absent, leave…). */
  days: DayInput[];
  longHolds: LegRef[];
  records: RecordInput[];
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
  /** Filed against a scorecard part (a shift lead's, or `knowledge`): counts there (by its size, whatever its sign), nowhere else. */
  scorecardPart: ScorecardPart | null;
  /** The catalogue category (`phone`, `taboo`, …); null on records published before it existed. */
  category?: string | null;
  /** The day (yyyy-mm-dd) or call the record is about, when it names one. */
  date?: string | null;
  callId?: string | null;
  issuerId?: string | null;
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
  /** attitude | knowledge | process | other; null on complaints judged before categories were pinned. */
  category?: string | null;
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

/** The agent's automatic evaluations of the month (issue 19): shown as KPIs, counted in no component. */
export interface AutoQaTally {
  /** The calls checked, in call-id order. */
  callIds: string[];
  scriptChecks: number;
  scriptPassed: number;
  forbiddenPhrases: number;
  complaintRiskCalls: number;
}

export interface AgentMonthInput {
  agentId: string;
  name: string;
  team: string;
  role: AgentRole;
  /** The person's supervisor in attendance's directory (their team, for a supervisor's scorecard). */
  supervisorId?: string | null;
  /** The level held during the month (paid at): the chain of closed months, or HR's setting from its month on. */
  levelHeld: Level;
  calls: CallTally;
  /** Absent when the month has none (and in inputs built before issue 19). */
  autoQa?: AutoQaTally;
  evaluations: EvaluationInput[];
  appraisal: AppraisalInput | null;
  /**
   * The month's days that carry something: absence, leave, holiday, lateness or early leave. A plain
   * present day changes no figure, so only their number is kept (a month has ~31 per agent).
   */
  days: DayInput[];
  /** Rostered days this month, plain ones included. */
  rosteredDays: number;
  /** Days worked this month that `days` leaves out (plain present days). */
  plainWorkedDays: number;
  /** Leave and absence days of the not-appraised window (this month and the ones before it). */
  awayDays: AwayDay[];
  /** The earlier months of the deduction-points window, from their facts (closed or not). */
  windowFacts: DeductionFacts[];
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
