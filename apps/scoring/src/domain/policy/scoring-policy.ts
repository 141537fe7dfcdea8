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
  scorecards: { agent: ScorecardDef; 'shift-lead'?: ScorecardDef; supervisor?: ScorecardDef };
  deductions: DeductionPolicy;
  grades: GradeBand[];
  levels: LevelPolicy;
  pay: PayPolicy;
  /** Overrides of the conduct catalogue's amount (yuan) / points by record code. */
  catalogue: Record<string, { amount?: number; points?: number }>;
  notAppraised: NotAppraisedPolicy;
  /** What the people who issue records and lead teams answer for (issue 16): the supervisor scorecard's adjustments. */
  teamAdjustments: { supervisorPerValidTeamComplaint: number };
  alerts: AlertPolicy;
  /**
   * Issue 19's policy switch: does the automatic (speech) evaluation of calls count in the professionalism
   * component? Off by default — its KPIs are shown on the scorecard only. Turning it on is refused by validation
   * while no rule for how it counts has been agreed.
   */
  autoQa: { countsInProfessionalism: boolean };
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
  /**
   * Whether the card carries the star-level pay grid: pay lines and level decisions (agents, shift leads). The seeds
   * give supervisors none; a tenant may turn it on.
   */
  payGrid?: boolean;
  /** Roles scored by this card (the agent card takes every role no other card names). */
  roles?: string[];
}

/**
 * 考评期内未到岗累计超过2个月 (APPRAISAL, OPS): away counted in calendar days covered by leave or absence over the
 * `windowMonths` ending with the month; more than `maxAwayDays` and the month is not appraised, which withholds the
 * pay lines listed (and any award: no total, no rank).
 */
export interface NotAppraisedPolicy {
  windowMonths: number;
  maxAwayDays: number;
  withholdPayLines: string[];
}

export type ComponentSource =
  | { kind: 'appraisal-section'; section: string; outOf: number }
  | { kind: 'appraisal-total'; outOf: number }
  | { kind: 'qa-average' }
  /** 知识运用: −perValidComplaint per valid complaint of the listed categories and per record filed against `knowledge`. */
  | { kind: 'knowledge'; perValidComplaint: number; complaintCategories?: string[] }
  | { kind: 'satisfaction'; minGoodRatePct: number }
  /** The good-rating rate of the legs of the supervisor's team (members: agents whose team or supervisor is theirs). */
  | { kind: 'team-satisfaction'; minGoodRatePct: number }
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
  /**
   * Hand-recorded codes that restate a computed deduction (one occurrence, one deduction): the reference they carry
   * (`date`: a day's late arrival, early leave or absence; `call`: a long hold). A record whose computed twin exists is
   * not counted again.
   */
  computedTwins: Record<string, 'date' | 'call'>;
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
  /** Any appraisal item at 0 (the supervisor's items and the components listed in `itemZeroComponents`). */
  anyAppraisalItemZero: boolean;
}

export interface LevelPolicy {
  order: Level[];
  /** The score a level needs to be promoted into (null: not reachable by promotion). */
  promoteAt: Record<string, number | null>;
  maxStepsUp: number;
  /**
   * 季度内有过一次降级处理,本季度不能参加岗位晋升: compared by the quarter in which each change takes effect (the month
   * after the one it was decided on).
   */
  barPromotionInQuarterOfDemotion: boolean;
  demotions: DemotionRule[];
  /** Computed components of the main appraisal whose 0 counts as an appraisal item at 0 (not satisfaction or HR). */
  itemZeroComponents: string[];
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
  /**
   * 没有出现服务不规范和投诉事宜才列入评选: catalogue categories of records that are service irregularities and bar the
   * month's awards (a valid complaint always does).
   */
  awardBarringCategories: string[];
  ringViolationDisqualifiesAward: boolean;
  longHoldDisqualifiesAward: boolean;
  /** 连续3个月考核排名第一: paid once for each run of `months` at appraisal rank 1. */
  streak: { months: number; amount: number };
  ringUnanswered: number;
  firstOffence: { windowMonths: number; exemptCodes: string[]; ringViolations: boolean };
  lossCode: string;
  /** 扣除当月工资: records of these codes forfeit the month's pay (a FORFEIT line equal to minus every other line). */
  forfeitCodes: string[];
  /** Records of these codes raise the critical `alerts.scoring.dismissal` (辞退). */
  dismissalCodes: string[];
}

export interface AlertPolicy {
  hrInterview: { below: number; months: number };
  dismissalReview: { below: number; months: number };
  pointsLimit: { points: number };
  complaints: { count: number };
  rankStreak: { months: number };
  promotionPriority: { atLeast: number };
}
