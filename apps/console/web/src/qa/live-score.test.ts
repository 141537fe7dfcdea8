import type { FormVersion } from './form-types';
import { answersForSubmit, liveScore } from './live-score';

// A cut-down call QA form with the seeded form's rules: weighted sections, an N/A-able item, a fail-all critical.
const form: FormVersion = {
  formId: 'call-qa',
  version: 1,
  titleZh: '通话质检表',
  titleEn: 'Call QA form',
  sections: [
    { sectionId: 'scripts', labelZh: '开场与结束语', labelEn: 'Scripts', weight: 10, items: [
      { itemId: 'opening', labelZh: '开场白', labelEn: 'Opening', type: 'yesno', maxPoints: 2, naAllowed: false },
      { itemId: 'closing', labelZh: '结束语', labelEn: 'Closing', type: 'yesno', maxPoints: 2, naAllowed: false },
    ] },
    { sectionId: 'attitude', labelZh: '服务态度', labelEn: 'Attitude', weight: 15, items: [
      { itemId: 'patience', labelZh: '耐心', labelEn: 'Patience', type: 'scale', maxPoints: 3, naAllowed: false },
      { itemId: 'explain', labelZh: '再次解释', labelEn: 'Explain again', type: 'scale', maxPoints: 2, naAllowed: true },
    ] },
    { sectionId: 'taboos', labelZh: '三忌', labelEn: 'Taboos', items: [
      { itemId: 'no-arguing', labelZh: '未争执', labelEn: 'No arguing', type: 'yesno', maxPoints: 0, naAllowed: false, critical: 'fail-all' },
    ] },
  ],
};

describe('liveScore', () => {
  it('gives full marks for a perfect call, out of the sum of the weights', () => {
    const s = liveScore(form, { opening: true, closing: true, patience: 3, explain: 2, 'no-arguing': true });
    expect(s).toMatchObject({ score: 25, maxScore: 25, percent: 100, criticalFail: false, unanswered: [] });
  });

  it('takes an N/A item out of its section maximum instead of counting it as zero', () => {
    // attitude: 2 of 3 available (explain N/A) → 2/3 × 15 = 10; scripts: 2 of 4 → 5. Total 15 of 25 = 60%.
    const s = liveScore(form, { opening: true, closing: false, patience: 2, explain: 'na', 'no-arguing': true });
    expect(s.sections.map((x) => [x.sectionId, x.score, x.maxScore])).toEqual([['scripts', 5, 10], ['attitude', 10, 15], ['taboos', 0, 0]]);
    expect(s.score).toBe(15);
    expect(s.percent).toBe(60);
  });

  it('rounds the total once, two decimals half up', () => {
    // attitude 1 of 3 → 5; scripts 4 of 4 → 10: 15; with 2 of 3 → 10 + 10 = 20. Use 1/3 × 15 exactly = 5.
    const s = liveScore(form, { opening: true, closing: true, patience: 1, explain: 'na', 'no-arguing': true });
    expect(s.score).toBe(15);
    const t = liveScore(form, { opening: true, closing: true, patience: 2, explain: 0, 'no-arguing': true });
    // attitude 2 of 5 × 15 = 6 → 16 of 25 = 64%
    expect([t.score, t.percent]).toEqual([16, 64]);
  });

  it('zeroes every section when a fail-all critical is answered no', () => {
    const s = liveScore(form, { opening: true, closing: true, patience: 3, explain: 'na', 'no-arguing': false });
    expect(s.criticalFail).toBe(true);
    expect(s.score).toBe(0);
    // A failed section counts its full points: N/A no longer lowers the maximum.
    expect(s.maxScore).toBe(25);
    expect(s.sections.every((x) => x.failed)).toBe(true);
  });

  it('lists what is still unanswered and sends only answered items, in form order', () => {
    const answers = { closing: true, opening: false } as const;
    expect(liveScore(form, answers).unanswered).toEqual(['patience', 'explain', 'no-arguing']);
    expect(answersForSubmit(form, answers)).toEqual([{ itemId: 'opening', value: false }, { itemId: 'closing', value: true }]);
  });

  it('drops a section whose items are all N/A, weight included', () => {
    const f: FormVersion = { ...form, sections: [form.sections[0], { ...form.sections[1], items: [form.sections[1].items[1]] }] };
    const s = liveScore(f, { opening: true, closing: true, explain: 'na' });
    expect(s.sections[1].excluded).toBe(true);
    expect([s.score, s.maxScore, s.percent]).toEqual([10, 10, 100]);
  });
});
