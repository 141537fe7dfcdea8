import type { FormScore } from '../forms/score-form';
import { calibrationReport } from './calibration-report';

const result = (percent: number, points: Record<string, number | null>): FormScore => ({
  score: percent, maxScore: 100, percent, criticalFail: false, failedSections: [], anyItemZero: false, sections: [],
  items: Object.entries(points).map(([itemId, p]) => ({ itemId, sectionId: 's', value: p ?? 'na', points: p, maxPoints: 5, criticalFailed: false, band: null })),
});

describe('calibrationReport', () => {
  it('gives the spread per item and each evaluator\'s distance from the expert', () => {
    const r = calibrationReport([
      { evaluatorId: 'EXP', result: result(80, { a: 4, b: 4 }) },
      { evaluatorId: 'Q1', result: result(90, { a: 5, b: 4 }) },
      { evaluatorId: 'Q2', result: result(62.5, { a: 2, b: null }) },
    ], 'EXP');
    expect(r.items).toEqual([
      { itemId: 'a', expert: 4, points: { Q1: 5, Q2: 2 }, min: 2, max: 5, spread: 3 },
      { itemId: 'b', expert: 4, points: { Q1: 4, Q2: null }, min: 4, max: 4, spread: 0 },
    ]);
    expect(r.evaluators).toEqual([
      { evaluatorId: 'Q1', score: 90, percent: 90, distanceFromExpert: 10, itemsDifferingFromExpert: 1 },
      { evaluatorId: 'Q2', score: 62.5, percent: 62.5, distanceFromExpert: 17.5, itemsDifferingFromExpert: 2 },
    ]);
    expect(r.percentSpread).toBe(27.5);
  });
});
