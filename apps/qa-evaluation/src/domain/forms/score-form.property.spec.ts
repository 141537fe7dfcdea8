import fc from 'fast-check';
import type { Answer, AnswerValue } from './form';
import { scoreForm } from './score-form';
import { CALL_QA_FORM } from './seeded-forms';

const ITEMS = CALL_QA_FORM.sections.flatMap((s) => s.items);

/** Any valid answer set for the call-qa form. */
const answers = fc.tuple(...ITEMS.map((item) => {
  const values: fc.Arbitrary<AnswerValue>[] = [item.type === 'yesno' ? fc.boolean() : fc.integer({ min: item.minPoints ?? 0, max: item.maxPoints })];
  if (item.naAllowed) values.push(fc.constant('na' as const));
  return fc.oneof(...values).map((value): Answer => ({ itemId: item.itemId, value }));
}));

describe('scoreForm properties (call-qa form)', () => {
  it('0 ≤ score ≤ maxScore ≤ 100, percent in [0, 100], two decimals at most', () => {
    fc.assert(fc.property(answers, (a) => {
      const s = scoreForm(CALL_QA_FORM, a);
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(s.maxScore);
      expect(s.maxScore).toBeLessThanOrEqual(100);
      expect(s.percent).toBeGreaterThanOrEqual(0);
      expect(s.percent).toBeLessThanOrEqual(100);
      for (const x of [s.score, s.percent]) expect(Math.round(x * 100)).toBeCloseTo(x * 100, 6);
    }));
  });

  it('the order of the answers never matters', () => {
    fc.assert(fc.property(answers, fc.func(fc.integer()), (a, key) => {
      const shuffled = [...a].sort((x, y) => key(x.itemId) - key(y.itemId));
      expect(scoreForm(CALL_QA_FORM, shuffled)).toEqual(scoreForm(CALL_QA_FORM, a));
    }));
  });

  it('raising one answer never lowers the score, and any failed critical scores 0', () => {
    fc.assert(fc.property(answers, fc.nat({ max: ITEMS.length - 1 }), (a, i) => {
      const item = ITEMS[i];
      const best: AnswerValue = item.type === 'yesno' ? true : item.maxPoints;
      const raised = a.map((x, k) => (k === i && x.value !== 'na' ? { ...x, value: best } : x));
      const before = scoreForm(CALL_QA_FORM, a);
      expect(scoreForm(CALL_QA_FORM, raised).score).toBeGreaterThanOrEqual(before.score);
      if (a.some((x) => x.value === false && ITEMS.find((it) => it.itemId === x.itemId)?.critical === 'fail-all')) expect(before).toMatchObject({ score: 0, criticalFail: true });
    }));
  });
});
