import { checkAnswers } from './check-answers';
import type { Answer, FormDefinition } from './form';
import { scoreForm } from './score-form';
import { CALL_QA_FORM, MONTHLY_APPRAISAL_FORM } from './seeded-forms';

/** A small weighted form: A (weight 60) has 3 + 2 points, B (weight 40) has 4 + 4, C is a gate. */
const FORM: FormDefinition = {
  formId: 'f', titleZh: '表', titleEn: 'F', purpose: 'call',
  sections: [
    { sectionId: 'a', labelZh: 'A', labelEn: 'A', weight: 60, items: [
      { itemId: 'a1', labelZh: 'a1', labelEn: 'a1', type: 'scale', maxPoints: 3, naAllowed: false },
      { itemId: 'a2', labelZh: 'a2', labelEn: 'a2', type: 'yesno', maxPoints: 2, naAllowed: true },
    ] },
    { sectionId: 'b', labelZh: 'B', labelEn: 'B', weight: 40, items: [
      { itemId: 'b1', labelZh: 'b1', labelEn: 'b1', type: 'points', maxPoints: 4, naAllowed: true },
      { itemId: 'b2', labelZh: 'b2', labelEn: 'b2', type: 'yesno', maxPoints: 4, naAllowed: true, critical: 'fail-section' },
    ] },
    { sectionId: 'c', labelZh: 'C', labelEn: 'C', items: [
      { itemId: 'c1', labelZh: 'c1', labelEn: 'c1', type: 'yesno', maxPoints: 0, naAllowed: false, critical: 'fail-all' },
    ] },
  ],
};
const answers = (v: Record<string, Answer['value']>): Answer[] => Object.entries(v).map(([itemId, value]) => ({ itemId, value }));

describe('scoreForm (worked by hand)', () => {
  it('weights sections: A 2/5 × 60 = 24, B 6.5/8 × 40 = 32.5 → 56.5 of 100', () => {
    const s = scoreForm(FORM, answers({ a1: 2, a2: false, b1: 2.5, b2: true, c1: true }));
    expect(s.sections.map((x) => [x.sectionId, x.earned, x.available, x.score, x.maxScore])).toEqual([
      ['a', 2, 5, 24, 60], ['b', 6.5, 8, 32.5, 40], ['c', 0, 0, 0, 0],
    ]);
    expect([s.score, s.maxScore, s.percent, s.criticalFail]).toEqual([56.5, 100, 56.5, false]);
  });

  it('N/A removes the item from its section maximum: A 2/3 × 60 = 40, B 4/4 × 40 = 40 → 80', () => {
    const s = scoreForm(FORM, answers({ a1: 2, a2: 'na', b1: 'na', b2: true, c1: true }));
    expect([s.sections[0].available, s.sections[1].available]).toEqual([3, 4]);
    expect([s.score, s.maxScore, s.percent]).toEqual([80, 100, 80]);
  });

  it('a section with every item N/A leaves the maximum, weight and all: 1/3 × 60 = 20 of 60 → 33.33 %', () => {
    const s = scoreForm(FORM, answers({ a1: 1, a2: 'na', b1: 'na', b2: 'na', c1: true }));
    expect([s.score, s.maxScore, s.percent]).toEqual([20, 60, 33.33]); // 20/60 = 33.333… → 33.33
  });

  it('keeps exact fractions until the total: a failed B adds nothing; 1/5 × 60 + 0.01/4 × 40 = 12.1; 2/3 × 60 + 0.05/4 × 40 = 40.5', () => {
    const s = scoreForm(FORM, answers({ a1: 1, a2: 'na', b1: 1.01, b2: false, c1: true }));
    // b2 "no" is a fail-section critical: B scores 0 of its full 8 points, so only A counts.
    expect(s.sections[1]).toMatchObject({ failed: true, earned: 0, available: 8, score: 0, maxScore: 40 });
    expect([s.score, s.percent, s.failedSections]).toEqual([20, 20, ['b']]);
    const t = scoreForm(FORM, answers({ a1: 1, a2: false, b1: 0.01, b2: 'na', c1: true }));
    // A: 1/5 × 60 = 12; B: 0.01/4 × 40 = 0.1 → 12.1
    expect(t.score).toBe(12.1);
    const u = scoreForm(FORM, answers({ a1: 2, a2: 'na', b1: 0.05, b2: 'na', c1: true }));
    // A: 2/3 × 60 = 40; B: 0.05/4 × 40 = 0.5 → 40.5; 40.5/100
    expect([u.score, u.percent]).toEqual([40.5, 40.5]);
  });

  it('half up on the exact value: 1/3 × 10 = 3.3333 → 3.33 and 2/3 × 10 = 6.6667 → 6.67', () => {
    const form: FormDefinition = { ...FORM, sections: [{ ...FORM.sections[0], weight: 10, items: [FORM.sections[0].items[0]] }] };
    expect(scoreForm(form, answers({ a1: 1 })).score).toBe(3.33);
    expect(scoreForm(form, answers({ a1: 2 })).score).toBe(6.67);
    const half: FormDefinition = { ...form, sections: [{ ...form.sections[0], weight: 1, items: [{ ...FORM.sections[1].items[0], maxPoints: 8 }] }] };
    expect(scoreForm(half, answers({ b1: 0.04 })).score).toBe(0.01); // 0.04/8 × 1 = 0.005 → 0.01 (half up)
  });

  it('fail-section beats N/A: the failed section keeps its full maximum', () => {
    const s = scoreForm(FORM, answers({ a1: 3, a2: true, b1: 'na', b2: false, c1: true }));
    expect([s.score, s.maxScore, s.percent]).toEqual([60, 100, 60]);
  });

  it('fail-all beats everything: 0 of the full maximum, every section failed', () => {
    const s = scoreForm(FORM, answers({ a1: 3, a2: 'na', b1: 'na', b2: 'na', c1: false }));
    expect([s.score, s.maxScore, s.percent, s.criticalFail]).toEqual([0, 100, 0, true]);
    expect(s.sections.every((x) => x.failed)).toBe(true);
    expect(s.failedSections).toEqual([]);
  });

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
    const s = scoreForm(MONTHLY_APPRAISAL_FORM, answers({ initiative: 7, responsibility: 10, 'service-awareness': 5, 'communication-results': 15, learning: 0, 'team-spirit': 9 }));
    expect(s.sections.map((x) => [x.sectionId, x.score, x.maxScore])).toEqual([['attitude', 22, 35], ['capability', 24, 35]]);
    expect([s.score, s.maxScore, s.percent, s.anyItemZero]).toEqual([46, 70, 65.71, true]); // 46/70 = 65.714…
    expect(s.items.find((i) => i.itemId === 'initiative')?.band).toBe('poor');
    expect(s.items.find((i) => i.itemId === 'service-awareness')?.band).toBe('good');
  });
});

describe('checkAnswers', () => {
  it('names the path of an unknown item, a value out of range, N/A where not allowed and a missing item', () => {
    const { problems } = checkAnswers(FORM, [
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
    const r = checkAnswers(FORM, [{ itemId: 'a1', value: 0 }, { itemId: 'a2', value: 'na' }, { itemId: 'b1', value: 3.5 }, { itemId: 'b2', value: true }, { itemId: 'c1', value: true }]);
    expect(r.problems).toEqual([]);
    expect(r.answers).toHaveLength(5);
  });
});
