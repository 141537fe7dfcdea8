import { checkAnswers } from './check-answers';
import { answersOf, WEIGHTED_FORM } from '@app/contracts/qa/testing/weighted-form';
import { scoreForm } from './score-form';
import { CALL_QA_FORM, MONTHLY_APPRAISAL_FORM } from './seeded-forms';

// The hand-worked scoring cases moved with scoreForm to libs/contracts/src/qa/score-form.spec.ts;
// these cover the seeded forms and the answer checks, which stay in the service.


describe('scoreForm on the seeded forms', () => {
  it('scores the seeded call-qa form out of 100', () => {
    const all = CALL_QA_FORM.sections.flatMap((x) => x.items);
    const perfect = all.map((i) => ({ itemId: i.itemId, value: i.type === 'yesno' ? true : i.maxPoints }));
    expect(scoreForm(CALL_QA_FORM, perfect)).toMatchObject({ score: 100, maxScore: 100, percent: 100 });
    // patience 2 of 3 (attitude 4/5 × 15 = 12), key information N/A (completeness 4/4 × 20): 100 − 3 = 97
    const some = perfect.map((a) => (a.itemId === 'patience-respect' ? { ...a, value: 2 } : a.itemId === 'key-information' ? { ...a, value: 'na' as const } : a));
    expect(scoreForm(CALL_QA_FORM, some)).toMatchObject({ score: 97, percent: 97 });
    const argued = perfect.map((a) => (a.itemId === 'no-arguing' ? { ...a, value: false } : a));
    expect(scoreForm(CALL_QA_FORM, argued)).toMatchObject({ score: 0, maxScore: 100, criticalFail: true });
  });

  it('scores the appraisal form in raw points with bands and anyItemZero', () => {
    const s = scoreForm(MONTHLY_APPRAISAL_FORM, answersOf({ initiative: 7, responsibility: 10, 'service-awareness': 5, 'communication-results': 15, learning: 0, 'team-spirit': 9 }));
    expect(s.sections.map((x) => [x.sectionId, x.score, x.maxScore])).toEqual([['attitude', 22, 35], ['capability', 24, 35]]);
    expect([s.score, s.maxScore, s.percent, s.anyItemZero]).toEqual([46, 70, 65.71, true]); // 46/70 = 65.714…
    expect(s.items.find((i) => i.itemId === 'initiative')?.band).toBe('poor');
    expect(s.items.find((i) => i.itemId === 'service-awareness')?.band).toBe('good');
  });
});

describe('checkAnswers', () => {
  it('names the path of an unknown item, a value out of range, N/A where not allowed and a missing item', () => {
    const { problems } = checkAnswers(WEIGHTED_FORM, [
      { itemId: 'a1', value: 4 }, { itemId: 'zz', value: 1 }, { itemId: 'a2', value: 1 }, { itemId: 'b1', value: 1.001 }, { itemId: 'c1', value: 'na' },
    ]);
    expect(problems).toEqual([
      { code: 'QA.VALUE_OUT_OF_RANGE', path: 'answers[0].value', message: expect.stringContaining('0–3') },
      { code: 'QA.UNKNOWN_ITEM', path: 'answers[1].itemId', message: expect.any(String) },
      { code: 'QA.VALUE_OUT_OF_RANGE', path: 'answers[2].value', message: expect.any(String) },
      { code: 'QA.VALUE_OUT_OF_RANGE', path: 'answers[3].value', message: expect.stringContaining('two decimals') },
      { code: 'QA.NA_NOT_ALLOWED', path: 'answers[4].value', message: expect.any(String) },
      { code: 'QA.ANSWER_MISSING', path: 'answers', message: expect.stringContaining('b2') },
    ]);
  });

  it('accepts a complete, valid set', () => {
    const r = checkAnswers(WEIGHTED_FORM, [{ itemId: 'a1', value: 0 }, { itemId: 'a2', value: 'na' }, { itemId: 'b1', value: 3.5 }, { itemId: 'b2', value: true }, { itemId: 'c1', value: true }]);
    expect(r.problems).toEqual([]);
    expect(r.answers).toHaveLength(5);
  });
});
