import type { ComponentDef, DemotionRule, ScorecardDef, ScoringPolicy } from './scoring-policy';

/** rules.md §10: the shift lead's own monthly score, from the records filed against them. */
export const SHIFT_LEAD_SCORECARD: ScorecardDef = {
  roles: ['shift-lead'],
  payGrid: true,
  components: [
    { id: 'volume', labelZh: '工作量', labelEn: 'Work volume', max: 45, source: { kind: 'record-part', part: 'volume' } },
    { id: 'quality', labelZh: '工作质量', labelEn: 'Work quality', max: 45, source: { kind: 'record-part', part: 'quality' } },
    { id: 'conduct', labelZh: '行为规范', labelEn: 'Conduct', max: 10, source: { kind: 'record-part', part: 'conduct' } },
  ],
};

const APPRAISAL_COMPONENTS: ComponentDef[] = [
  { id: 'attitude', labelZh: '工作态度', labelEn: 'Attitude', max: 35, source: { kind: 'appraisal-section', section: 'attitude', outOf: 35 } },
  { id: 'capability', labelZh: '工作能力', labelEn: 'Capability', max: 35, source: { kind: 'appraisal-section', section: 'capability', outOf: 35 } },
  { id: 'professionalism', labelZh: '专业知识', labelEn: 'Professionalism', max: 5, source: { kind: 'qa-average' } },
  // 專業知識或工作流程不熟練導致的投訴或失誤: only complaints classified knowledge / process cost the point here.
  { id: 'knowledge', labelZh: '知识运用', labelEn: 'Applying knowledge', max: 5, source: { kind: 'knowledge', perValidComplaint: 1, complaintCategories: ['knowledge', 'process'] } },
];

/**
 * Issue 16: the people who issue records and lead a team answer for it — the department head's monthly appraisal on
 * the same form (its 70 points scaled to the main 80), their team's good-rating rate, their own HR points; −10 per
 * record of theirs overturned on appeal (an ISSUER_OVERTURNED record) and `teamAdjustments` per valid team complaint.
 * No pay grid: the seeds give supervisors none.
 */
export const SUPERVISOR_SCORECARD: ScorecardDef = {
  roles: ['supervisor', 'qa'],
  payGrid: false,
  components: [
    { id: 'appraisal', labelZh: '主管考核', labelEn: 'Main appraisal', max: 80, source: { kind: 'appraisal-total', outOf: 70 } },
    { id: 'satisfaction', labelZh: '团队客户满意度', labelEn: 'Team satisfaction', max: 10, source: { kind: 'team-satisfaction', minGoodRatePct: 60 } },
    { id: 'hr', labelZh: '人事行政', labelEn: 'HR / administration', max: 10, source: { kind: 'hr' } },
  ],
};

const DEMOTIONS: DemotionRule[] = [
  { id: 'regular-below-70', from: ['regular'], to: 'trainee', scoreBelow: 70, validComplaintsAtLeast: null, anyAppraisalItemZero: false },
  { id: 'regular-two-complaints', from: ['regular'], to: 'trainee', scoreBelow: null, validComplaintsAtLeast: 2, anyAppraisalItemZero: false },
  // 一个月的考核某一项具体考核内容为0分的,次月降为试用期员工 stands under 普通员工 alone (APPRAISAL).
  { id: 'item-zero', from: ['regular'], to: 'trainee', scoreBelow: null, validComplaintsAtLeast: null, anyAppraisalItemZero: true },
  { id: 'one-star-below-80', from: ['one-star'], to: 'regular', scoreBelow: 80, validComplaintsAtLeast: null, anyAppraisalItemZero: false },
  { id: 'two-star-below-90', from: ['two-star'], to: 'one-star', scoreBelow: 90, validComplaintsAtLeast: null, anyAppraisalItemZero: false },
  { id: 'star-below-70', from: ['one-star', 'two-star'], to: 'trainee', scoreBelow: 70, validComplaintsAtLeast: null, anyAppraisalItemZero: false },
  { id: 'star-two-complaints', from: ['one-star', 'two-star'], to: 'regular', scoreBelow: null, validComplaintsAtLeast: 2, anyAppraisalItemZero: false },
];

/** The default policy, pinned by issue 11 from rules.md. */
export const DEFAULT_POLICY: ScoringPolicy = {
  name: 'default',
  effectiveFrom: '2026-01',
  timeZone: 'Asia/Shanghai',
  closeDay: 10,
  totalMax: 100,
  telephony: { ringCycleMs: 5_000, ringLimitRings: 3, holdLimitMs: 120_000, mosMin: 3.5 },
  scorecards: {
    agent: {
      payGrid: true,
      components: [
        ...APPRAISAL_COMPONENTS,
        { id: 'satisfaction', labelZh: '客户满意度', labelEn: 'Satisfaction', max: 10, source: { kind: 'satisfaction', minGoodRatePct: 60 } },
        { id: 'hr', labelZh: '人事行政', labelEn: 'HR / administration', max: 10, source: { kind: 'hr' } },
      ],
    },
    'shift-lead': SHIFT_LEAD_SCORECARD,
    supervisor: SUPERVISOR_SCORECARD,
  },
  deductions: {
    lateArrival: 5, earlyLeave: 5, absence: 5, longHold: 2, windowMonths: 6,
    computedTwins: { UNEXCUSED_LATE_EARLY_ABSENT: 'date', LONG_HOLD_UNREASONED: 'call' },
  },
  grades: [
    { code: 'excellent', labelZh: '优秀', labelEn: 'excellent', min: 90, justificationRequired: false, payDeduction: 0 },
    { code: 'good', labelZh: '良好', labelEn: 'good', min: 80, justificationRequired: false, payDeduction: 0 },
    { code: 'pass', labelZh: '合格', labelEn: 'pass', min: 70, justificationRequired: false, payDeduction: 0 },
    { code: 'fail', labelZh: '不合格', labelEn: 'fail', min: 0, justificationRequired: false, payDeduction: 0 },
  ],
  levels: {
    order: ['trainee', 'regular', 'one-star', 'two-star'],
    promoteAt: { trainee: null, regular: 80, 'one-star': 90, 'two-star': 95 },
    maxStepsUp: 1,
    barPromotionInQuarterOfDemotion: true,
    demotions: DEMOTIONS,
    itemZeroComponents: ['professionalism', 'knowledge'],
  },
  pay: {
    base: 1100,
    appraisalPay: { amount: 400, minLevel: 'regular' },
    starBonus: { 'one-star': 200, 'two-star': 300 },
    fullAttendance: { amount: 100, minLevel: 'regular' },
    awards: [
      { code: 'SERVICE_STAR', labelZh: '服务之星', labelEn: 'Service star', rank: 1, amount: 100 },
      { code: 'RISING_STAR', labelZh: '希望之星', labelEn: 'Rising star', rank: 2, amount: 50 },
    ],
    // Service irregularities: phone conduct and the three taboos. Appearance, equipment, agreements and LOSS do not bar.
    awardBarringCategories: ['phone', 'taboo'],
    ringViolationDisqualifiesAward: true,
    longHoldDisqualifiesAward: true,
    streak: { months: 3, amount: 200 },
    ringUnanswered: 20,
    firstOffence: { windowMonths: 12, exemptCodes: ['LOSS', 'LEAK_SECRETS', 'COMPUTER_DAMAGED_DELIBERATELY'], ringViolations: true },
    lossCode: 'LOSS',
    forfeitCodes: ['LEAK_SECRETS'],
    dismissalCodes: ['LEAK_SECRETS', 'COMPUTER_DAMAGED_DELIBERATELY'],
  },
  catalogue: {},
  notAppraised: { windowMonths: 3, maxAwayDays: 60, withholdPayLines: ['APPRAISAL_PAY', 'FULL_ATTENDANCE'] },
  // The seeds give no number for the department supervisor's share of a valid complaint (HANDBOOK): 1 is ours.
  teamAdjustments: { supervisorPerValidTeamComplaint: 1 },
  alerts: {
    hrInterview: { below: 60, months: 3 },
    dismissalReview: { below: 70, months: 2 },
    pointsLimit: { points: 30 },
    complaints: { count: 2 },
    rankStreak: { months: 3 },
    promotionPriority: { atLeast: 95 },
  },
  // Issue 19: the automatic evaluation is a separate record from human ones; shown as KPIs, counted nowhere.
  autoQa: { countsInProfessionalism: false },
};
