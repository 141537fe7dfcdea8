import type { Level } from '@app/contracts';

/** A bilingual reason line, Chinese first: "迟到 38 分钟 / late 38 min, 2026-10-03". */
export type Reason = string;

export interface Kpi {
  value: number | null;
  /** The KPI counted over calls: `kpi` key of the paged call-id list. */
  calls?: string;
}

export interface ComponentScore {
  id: string;
  labelZh: string;
  labelEn: string;
  max: number;
  score: number;
  inputIds: string[];
  reason: Reason;
}

export interface DeductionItem {
  code: string;
  points: number;
  inputIds: string[];
  reason: Reason;
}

export interface Adjustment {
  code: string;
  points: number;
  inputIds: string[];
  reason: Reason;
}

export interface ScorePayLine {
  code: string;
  amount: number;
  labelZh: string;
  labelEn: string;
  inputIds: string[];
  reason: Reason;
  /** A first offence: recorded, 0 yuan. */
  warning?: boolean;
}

export interface LevelDecision {
  levelBefore: Level;
  levelAfter: Level;
  change: 'promoted' | 'demoted' | 'kept';
  rule: string | null;
  reason: Reason;
}

/** The people-process alerts scoring raises at month close, each on `alerts.<kind>` (alert-rules.ts). */
export const SCORING_ALERT_KINDS = [
  'scoring.hr-interview', 'scoring.dismissal-review', 'scoring.points-limit', 'scoring.complaints-demotion',
  'scoring.rank-streak', 'scoring.promotion-priority', 'scoring.dismissal',
] as const;

export interface AlertDraft {
  kind: (typeof SCORING_ALERT_KINDS)[number];
  severity: 'info' | 'warning' | 'critical';
  title: string;
  body: string;
  facts: Record<string, unknown>;
}

export interface Scorecard {
  period: string;
  agentId: string;
  name: string;
  team: string;
  role: string;
  /** Which of the policy's scorecards scored the person: agent, shift-lead or supervisor. */
  scorecard: string;
  policyVersion: string;
  appraised: boolean;
  kpis: Record<string, Kpi>;
  components: ComponentScore[];
  adjustments: Adjustment[];
  deductions: { items: DeductionItem[]; monthPoints: number; windowPoints: number };
  total: number | null;
  grade: string | null;
  gradeLabel: string | null;
  justificationRequired: boolean;
  /** The appraisal rank among every appraised person of the same scorecard (the streak counts it). */
  rank: number | null;
  /** The rank among those eligible for the month's awards (no service irregularity, no complaint); null when barred. */
  awardRank: number | null;
  rank1Streak: number;
  level: LevelDecision;
  pay: { currency: 'CNY'; lines: ScorePayLine[]; total: number };
  flags: string[];
  alerts: AlertDraft[];
}
