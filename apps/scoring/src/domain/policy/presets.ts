import { DEFAULT_POLICY } from './default-policy';
import type { ScoringPolicy } from './scoring-policy';

/**
 * OPS (运营部管理制度): grades A/B/C/D with D below 60, a justification for A, C and D, 100 yuan off
 * for C, appraisal on the 16th. Its A/B/C cut-offs are lost from the source: 90 / 75 are this
 * preset's choice. Meeting and monthly-test adjustments arrive as `adjustment` records.
 */
export const OPS_POLICY: ScoringPolicy = {
  ...DEFAULT_POLICY,
  name: 'ops',
  closeDay: 16,
  grades: [
    { code: 'A', labelZh: 'A', labelEn: 'A', min: 90, justificationRequired: true, payDeduction: 0 },
    { code: 'B', labelZh: 'B', labelEn: 'B', min: 75, justificationRequired: false, payDeduction: 0 },
    { code: 'C', labelZh: 'C', labelEn: 'C', min: 60, justificationRequired: true, payDeduction: 100 },
    { code: 'D', labelZh: 'D(辞退)', labelEn: 'D (dismissal)', min: 0, justificationRequired: true, payDeduction: 0 },
  ],
};

/** MANUAL's monthly bonus weighting: workload 60% + monthly appraisal 30% + other (HR) 10%. */
export const MANUAL_BONUS_POLICY: ScoringPolicy = {
  ...DEFAULT_POLICY,
  name: 'manual-bonus',
  scorecards: {
    ...DEFAULT_POLICY.scorecards,
    agent: {
      components: [
        { id: 'workload', labelZh: '工作量', labelEn: 'Workload', max: 60, source: { kind: 'workload', targetAnswered: 600 } },
        { id: 'appraisal', labelZh: '月度考核', labelEn: 'Monthly appraisal', max: 30, source: { kind: 'appraisal-total', outOf: 70 } },
        { id: 'hr', labelZh: '其他(人事行政)', labelEn: 'Other (HR)', max: 10, source: { kind: 'hr' } },
      ],
    },
  },
};

/**
 * The presets seeded on first start. The shift-lead scorecard (rules.md §10) is a section of every
 * preset (`scorecards['shift-lead']`), applied to agents whose role is `shift-lead`.
 */
export const PRESET_POLICIES: ScoringPolicy[] = [DEFAULT_POLICY, OPS_POLICY, MANUAL_BONUS_POLICY];
