import type { FormScore } from '../forms/score-form';

export interface CalibrationScore {
  evaluatorId: string;
  result: FormScore;
}

export interface CalibrationReport {
  items: Array<{ itemId: string; expert: number | null; points: Record<string, number | null>; min: number | null; max: number | null; spread: number | null }>;
  evaluators: Array<{ evaluatorId: string; score: number; percent: number; distanceFromExpert: number | null; itemsDifferingFromExpert: number | null }>;
  percentSpread: number;
}

const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;

/**
 * How far apart blind evaluators are on the same call (issue 7 §8): per item the points each gave
 * and the spread, per evaluator the distance of their percent from the expert's benchmark.
 */
export function calibrationReport(scores: CalibrationScore[], expertId: string | null): CalibrationReport {
  const expert = scores.find((s) => s.evaluatorId === expertId) ?? null;
  const others = scores.filter((s) => s.evaluatorId !== expertId);
  const itemIds = scores[0]?.result.items.map((i) => i.itemId) ?? [];
  const pointsOf = (s: CalibrationScore, itemId: string) => s.result.items.find((i) => i.itemId === itemId)?.points ?? null;
  const items = itemIds.map((itemId) => {
    const points = Object.fromEntries(others.map((s) => [s.evaluatorId, pointsOf(s, itemId)]));
    const given = Object.values(points).filter((p): p is number => p !== null);
    const min = given.length ? Math.min(...given) : null;
    const max = given.length ? Math.max(...given) : null;
    return { itemId, expert: expert ? pointsOf(expert, itemId) : null, points, min, max, spread: min === null || max === null ? null : round2(max - min) };
  });
  const evaluators = others.map((s) => ({
    evaluatorId: s.evaluatorId,
    score: s.result.score,
    percent: s.result.percent,
    distanceFromExpert: expert ? round2(Math.abs(s.result.percent - expert.result.percent)) : null,
    itemsDifferingFromExpert: expert ? itemIds.filter((id) => pointsOf(s, id) !== pointsOf(expert, id)).length : null,
  }));
  const percents = others.map((s) => s.result.percent);
  return { items, evaluators, percentSpread: percents.length ? round2(Math.max(...percents) - Math.min(...percents)) : 0 };
}
