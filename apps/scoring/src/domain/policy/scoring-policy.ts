import type { Level } from '@app/contracts';

/**
 * The versioned policy document every figure is computed from (rules.md, issue 11). Numbers are in
 * natural units (points, yuan, percent); the engine turns them into integer hundredths / fen.
 */
export interface ScoringPolicy {
  name: string;
  /** First month (yyyy-mm) the policy applies to. */
  effectiveFrom: string;
  timeZone: string;
  /** Day of the next month on which the month closes by itself. */
  closeDay: number;
  totalMax: number;
  telephony: TelephonyLimits;
  scorecards: { agent: ScorecardDef; 'shift-lead'?: ScorecardDef };
  deductions: DeductionPolicy;
  grades: GradeBand[];
  levels: LevelPolicy;
  pay: PayPolicy;
  /** Overrides of the conduct catalogue's amount (yuan) / points by record code. */
  catalogue: Record<string, { amount?: number; points?: number }>;
  notAppraised: { windowMonths: number; maxAwayDays: number };
  fullAttendance: { leaveBreaksByDefault: boolean };
  alerts: AlertPolicy;
  /** Other services' parameters, passed on untouched in `scoring.policy.activated` (partial: the rest keep their defaults). */
  attendance?: Record<string, unknown>;
  qa?: Record<string, unknown>;
}

/** The telephony section, published on activation (telephony-events reads these keys). */
export interface TelephonyLimits {
  ringCycleMs: number;
  ringLimitRings: number;
  holdLimitMs: number;
  mosMin: number;
  [key: string]: number | string;
}

export interface ScorecardDef {
  components: ComponentDef[];
}

export type ComponentSource =
  | { kind: 'appraisal-section'; section: string; outOf: number }
  | { kind: 'appraisal-total'; outOf: number }
  | { kind: 'qa-average' }
  | { kind: 'knowledge'; perValidComplaint: number }
  | { kind: 'satisfaction'; minGoodRatePct: number }
  | { kind: 'hr' }
  | { kind: 'workload'; targetAnswered: number }
  | { kind: 'record-part'; part: 'volume' | 'quality' | 'conduct' };

export interface ComponentDef {
  id: string;
  labelZh: string;
  labelEn: string;
  /** The component's weight: its full marks. */
  max: number;
  source: ComponentSource;
}

export interface DeductionPolicy {
  lateArrival: number;
  earlyLeave: number;
  absence: number;
  longHold: number;
  windowMonths: number;
}

export interface GradeBand {
  code: string;
  labelZh: string;
  labelEn: string;
  min: number;
  justificationRequired: boolean;
  /** Yuan deducted from the month's pay at this grade (OPS grade C). */
  payDeduction: number;
}

export interface DemotionRule {
  id: string;
  from: Level[];
  to: Level;
  /** Applies when the total is below this (null: not a score rule). */
  scoreBelow: number | null;
  validComplaintsAtLeast: number | null;
  anyAppraisalItemZero: boolean;
}

export interface LevelPolicy {
  order: Level[];
  /** The score a level needs to be promoted into (null: not reachable by promotion). */
  promoteAt: Record<string, number | null>;
  maxStepsUp: number;
  barPromotionInQuarterOfDemotion: boolean;
  demotions: DemotionRule[];
}

export interface AwardDef {
  code: string;
  labelZh: string;
  labelEn: string;
  rank: number;
  amount: number;
}

export interface PayPolicy {
  base: number;
  appraisalPay: { amount: number; minLevel: Level };
  starBonus: Record<string, number>;
  fullAttendance: { amount: number; minLevel: Level };
  awards: AwardDef[];
  /** Codes of records that do not disqualify from awards (a loss is not a service irregularity). */
  awardIgnoresCodes: string[];
  ringViolationDisqualifiesAward: boolean;
  streak: { months: number; amount: number };
  ringUnanswered: number;
  firstOffence: { windowMonths: number; exemptCodes: string[]; ringViolations: boolean };
  lossCode: string;
}

export interface AlertPolicy {
  hrInterview: { below: number; months: number };
  dismissalReview: { below: number; months: number };
  pointsLimit: { points: number };
  complaints: { count: number };
  rankStreak: { months: number };
  promotionPriority: { atLeast: number };
}
