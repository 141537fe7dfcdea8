import { scoreForm, type FormDefinition } from '@app/contracts/qa/score-form';
import type { AnswerValue, FormVersion } from './form-types';
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

  it('counts an unanswered item as 0 of its points while filling in, and fails no critical with it', () => {
    const s = liveScore(form, { opening: true, closing: true });
    // scripts 4/4 → 10; attitude 0/5 → 0; the unanswered fail-all gate is not a "no".
    expect([s.score, s.maxScore, s.criticalFail]).toEqual([10, 25, false]);
  });
});

/** What qa-evaluation computes when the completed form is submitted. */
const server = (f: FormDefinition | FormVersion, answers: Record<string, AnswerValue>) =>
  scoreForm({ purpose: 'call', ...f }, Object.entries(answers).map(([itemId, value]) => ({ itemId, value })));

describe('liveScore is the server’s scoreForm', () => {
  // Weights as thirds of 100 and a raw-points section with hundredths: exact sums land on a half hundredth.
  const thirds: FormVersion = {
    formId: 'thirds', version: 1, titleZh: '三分表', titleEn: 'Thirds', sections: [
      { sectionId: 'a', labelZh: 'A', labelEn: 'A', weight: 15, items: [
        { itemId: 'a1', labelZh: 'a1', labelEn: 'a1', type: 'scale', maxPoints: 3, naAllowed: false },
      ] },
      { sectionId: 'b', labelZh: 'B', labelEn: 'B', weight: 33.33, items: [
        { itemId: 'b1', labelZh: 'b1', labelEn: 'b1', type: 'points', maxPoints: 4, naAllowed: true },
      ] },
      { sectionId: 'c', labelZh: 'C', labelEn: 'C', items: [
        { itemId: 'c1', labelZh: 'c1', labelEn: 'c1', type: 'points', maxPoints: 5, naAllowed: false },
      ] },
    ],
  };
  const naiveRound2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;

  it('rounds the exact total half up where floating point rounds down: 15 + 2/4 × 33.33 + 1.01 = 32.675 → 32.68', () => {
    const answers = { a1: 3, b1: 2, c1: 1.01 };
    // The float arithmetic the console used to do lands just under the half and shows 32.67.
    expect(naiveRound2(15 + (2 / 4) * 33.33 + 1.01)).toBe(32.67);
    const live = liveScore(thirds, answers);
    expect(live.score).toBe(32.68);
    expect(live.score).toBe(server(thirds, answers).score);
  });

  it('rounds the exact percent half up where floating point rounds down: 1/3 × 15 + 0 + 1.01 = 6.01 of 40 = 15.025 % → 15.03', () => {
    const twenty: FormVersion = { ...thirds, sections: [thirds.sections[0], { ...thirds.sections[1], weight: 20 }, thirds.sections[2]] };
    const answers = { a1: 1, b1: 0, c1: 1.01 };
    expect(naiveRound2((((1 / 3) * 15 + 0 + 1.01) / 40) * 100)).toBe(15.02);
    const live = liveScore(twenty, answers);
    expect([live.score, live.maxScore, live.percent]).toEqual([6.01, 40, 15.03]);
    expect(live.percent).toBe(server(twenty, answers).percent);
  });

  it('gives the same figures as the server on every completed answer set of the call form', () => {
    const cases: Array<Record<string, AnswerValue>> = [];
    for (const opening of [true, false]) for (const patience of [0, 1, 2, 3]) for (const explain of [0, 1, 2, 'na'] as const) for (const arguing of [true, false]) {
      cases.push({ opening, closing: !opening, patience, explain, 'no-arguing': arguing });
    }
    for (const a of cases) {
      const live = liveScore(form, a);
      const s = server(form, a);
      expect(live).toEqual({
        score: s.score, maxScore: s.maxScore, percent: s.percent, criticalFail: s.criticalFail, unanswered: [],
        sections: s.sections.map((x) => ({ sectionId: x.sectionId, score: x.score, maxScore: x.maxScore, failed: x.failed, excluded: x.available === 0 })),
      });
    }
  });
});
