import type { GradeBand, ScoringPolicy } from '../policy/scoring-policy';
import { toCents } from '../numbers';

/** The band whose minimum the total (hundredths) reaches, bands taken from the highest. */
export function gradeOf(totalH: number, policy: ScoringPolicy): GradeBand {
  const bands = [...policy.grades].sort((a, b) => b.min - a.min);
  return bands.find((b) => totalH >= toCents(b.min)) ?? bands[bands.length - 1];
}
