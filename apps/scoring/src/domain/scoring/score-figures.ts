import type { PayLine } from '@app/contracts';
import { stableJson } from '../stable-json';
import type { Scorecard } from './scorecard';

/** The figures payroll receives; a revision is published only when these change. */
export interface ScoreFigures {
  totalScore: number | null;
  grade: string | null;
  levelBefore: string;
  levelAfter: string;
  appraised: boolean;
  deductionPoints: number;
  pay: { currency: 'CNY'; lines: PayLine[]; total: number };
}

export function scoreFigures(card: Scorecard): ScoreFigures {
  return {
    totalScore: card.total,
    grade: card.grade,
    levelBefore: card.level.levelBefore,
    levelAfter: card.level.levelAfter,
    appraised: card.appraised,
    deductionPoints: card.deductions.monthPoints,
    pay: { currency: 'CNY', lines: card.pay.lines.map((l) => ({ code: l.code, amount: l.amount, labelZh: l.labelZh, labelEn: l.labelEn })), total: card.pay.total },
  };
}

/** What changed between two revisions' figures (empty: nothing to publish). */
export function figuresDifference(before: ScoreFigures, after: ScoreFigures): Record<string, { before: unknown; after: unknown }> {
  const diff: Record<string, { before: unknown; after: unknown }> = {};
  const flat = (f: ScoreFigures): Record<string, unknown> => ({
    totalScore: f.totalScore, grade: f.grade, levelBefore: f.levelBefore, levelAfter: f.levelAfter, appraised: f.appraised,
    deductionPoints: f.deductionPoints, 'pay.total': f.pay.total, 'pay.lines': f.pay.lines,
  });
  const a = flat(before);
  const b = flat(after);
  for (const key of Object.keys(b)) if (stableJson(a[key]) !== stableJson(b[key])) diff[key] = { before: a[key], after: b[key] };
  return diff;
}
