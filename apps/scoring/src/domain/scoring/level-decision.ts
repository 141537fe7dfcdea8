import type { Level } from '@app/contracts';
import { toCents } from '../numbers';
import type { LevelPolicy } from '../policy/scoring-policy';
import type { LevelDecision } from './scorecard';

export interface LevelFacts {
  levelHeld: Level;
  /** Hundredths; null when not appraised. */
  totalH: number | null;
  validComplaints: number;
  anyAppraisalItemZero: boolean;
  /** A demotion was decided at the close of an earlier month of this quarter. */
  demotedInQuarter: boolean;
}

const LEVEL_ZH: Record<string, string> = { trainee: '试用期', regular: '普通', 'one-star': '一星', 'two-star': '二星' };
export const levelLabel = (l: string) => `${LEVEL_ZH[l] ?? l} / ${l}`;

/**
 * Next month's level (rules.md §7): the lowest applicable demotion wins; otherwise promotion to the
 * highest level the score reaches, at most `maxStepsUp` steps, barred in a quarter with a demotion.
 */
export function decideLevel(f: LevelFacts, p: LevelPolicy): LevelDecision {
  const rank = (l: Level) => p.order.indexOf(l);
  const kept: LevelDecision = { levelBefore: f.levelHeld, levelAfter: f.levelHeld, change: 'kept', rule: null, reason: `保持 ${levelLabel(f.levelHeld)}` };
  if (f.totalH === null) return { ...kept, reason: `未考核, 级别不变 / not appraised: level unchanged` };
  const total = f.totalH;
  const applicable = p.demotions.filter(
    (d) =>
      d.from.includes(f.levelHeld) &&
      ((d.scoreBelow !== null && total < toCents(d.scoreBelow)) ||
        (d.validComplaintsAtLeast !== null && f.validComplaints >= d.validComplaintsAtLeast) ||
        (d.anyAppraisalItemZero && f.anyAppraisalItemZero)),
  );
  if (applicable.length > 0) {
    const lowest = applicable.reduce((lo, d) => (rank(d.to) < rank(lo.to) ? d : lo));
    if (rank(lowest.to) < rank(f.levelHeld)) {
      return { levelBefore: f.levelHeld, levelAfter: lowest.to, change: 'demoted', rule: lowest.id, reason: `降级 ${levelLabel(lowest.to)} (${lowest.id}) / demoted` };
    }
  }
  const reached = p.order.filter((l) => p.promoteAt[l] != null && total >= toCents(p.promoteAt[l]!)).map(rank);
  const target = reached.length ? Math.max(...reached) : -1;
  if (target <= rank(f.levelHeld)) return kept;
  if (f.demotedInQuarter && p.barPromotionInQuarterOfDemotion) {
    return { ...kept, rule: 'barred-after-demotion', reason: `本季度曾降级, 不予晋级 / demoted this quarter: no promotion` };
  }
  const next = p.order[Math.min(target, rank(f.levelHeld) + p.maxStepsUp)];
  return { levelBefore: f.levelHeld, levelAfter: next, change: 'promoted', rule: `promote-${next}`, reason: `晋级 ${levelLabel(next)} / promoted` };
}

export function levelAtLeast(level: Level, min: Level, p: LevelPolicy): boolean {
  return p.order.indexOf(level) >= p.order.indexOf(min);
}
