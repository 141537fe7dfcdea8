import { scoreForm, type FormDefinition } from './score-form';
import { answersOf, WEIGHTED_FORM } from './testing/weighted-form';

describe('scoreForm (worked by hand)', () => {
  it('weights sections: A 2/5 × 60 = 24, B 6.5/8 × 40 = 32.5 → 56.5 of 100', () => {
    const s = scoreForm(WEIGHTED_FORM, answersOf({ a1: 2, a2: false, b1: 2.5, b2: true, c1: true }));
    expect(s.sections.map((x) => [x.sectionId, x.earned, x.available, x.score, x.maxScore])).toEqual([
      ['a', 2, 5, 24, 60], ['b', 6.5, 8, 32.5, 40], ['c', 0, 0, 0, 0],
    ]);
    expect([s.score, s.maxScore, s.percent, s.criticalFail]).toEqual([56.5, 100, 56.5, false]);
  });

  it('N/A removes the item from its section maximum: A 2/3 × 60 = 40, B 4/4 × 40 = 40 → 80', () => {
    const s = scoreForm(WEIGHTED_FORM, answersOf({ a1: 2, a2: 'na', b1: 'na', b2: true, c1: true }));
    expect([s.sections[0].available, s.sections[1].available]).toEqual([3, 4]);
    expect([s.score, s.maxScore, s.percent]).toEqual([80, 100, 80]);
  });

  it('a section with every item N/A leaves the maximum, weight and all: 1/3 × 60 = 20 of 60 → 33.33 %', () => {
    const s = scoreForm(WEIGHTED_FORM, answersOf({ a1: 1, a2: 'na', b1: 'na', b2: 'na', c1: true }));
    expect([s.score, s.maxScore, s.percent]).toEqual([20, 60, 33.33]); // 20/60 = 33.333… → 33.33
  });

  it('keeps exact fractions until the total: a failed B adds nothing; 1/5 × 60 + 0.01/4 × 40 = 12.1; 2/3 × 60 + 0.05/4 × 40 = 40.5', () => {
    const s = scoreForm(WEIGHTED_FORM, answersOf({ a1: 1, a2: 'na', b1: 1.01, b2: false, c1: true }));
    // b2 "no" is a fail-section critical: B scores 0 of its full 8 points, so only A counts.
    expect(s.sections[1]).toMatchObject({ failed: true, earned: 0, available: 8, score: 0, maxScore: 40 });
    expect([s.score, s.percent, s.failedSections]).toEqual([20, 20, ['b']]);
    const t = scoreForm(WEIGHTED_FORM, answersOf({ a1: 1, a2: false, b1: 0.01, b2: 'na', c1: true }));
    // A: 1/5 × 60 = 12; B: 0.01/4 × 40 = 0.1 → 12.1
    expect(t.score).toBe(12.1);
    const u = scoreForm(WEIGHTED_FORM, answersOf({ a1: 2, a2: 'na', b1: 0.05, b2: 'na', c1: true }));
    // A: 2/3 × 60 = 40; B: 0.05/4 × 40 = 0.5 → 40.5; 40.5/100
    expect([u.score, u.percent]).toEqual([40.5, 40.5]);
  });

  it('half up on the exact value: 1/3 × 10 = 3.3333 → 3.33 and 2/3 × 10 = 6.6667 → 6.67', () => {
    const form: FormDefinition = { ...WEIGHTED_FORM, sections: [{ ...WEIGHTED_FORM.sections[0], weight: 10, items: [WEIGHTED_FORM.sections[0].items[0]] }] };
    expect(scoreForm(form, answersOf({ a1: 1 })).score).toBe(3.33);
    expect(scoreForm(form, answersOf({ a1: 2 })).score).toBe(6.67);
    const half: FormDefinition = { ...form, sections: [{ ...form.sections[0], weight: 1, items: [{ ...WEIGHTED_FORM.sections[1].items[0], maxPoints: 8 }] }] };
    expect(scoreForm(half, answersOf({ b1: 0.04 })).score).toBe(0.01); // 0.04/8 × 1 = 0.005 → 0.01 (half up)
  });

  it('fail-section beats N/A: the failed section keeps its full maximum', () => {
    const s = scoreForm(WEIGHTED_FORM, answersOf({ a1: 3, a2: true, b1: 'na', b2: false, c1: true }));
    expect([s.score, s.maxScore, s.percent]).toEqual([60, 100, 60]);
  });

  it('fail-all beats everything: 0 of the full maximum, every section failed', () => {
    const s = scoreForm(WEIGHTED_FORM, answersOf({ a1: 3, a2: 'na', b1: 'na', b2: 'na', c1: false }));
    expect([s.score, s.maxScore, s.percent, s.criticalFail]).toEqual([0, 100, 0, true]);
    expect(s.sections.every((x) => x.failed)).toBe(true);
    expect(s.failedSections).toEqual([]);
  });
});
