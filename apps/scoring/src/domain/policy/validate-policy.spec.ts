import { DEFAULT_POLICY } from './default-policy';
import { PRESET_POLICIES } from './presets';
import { validatePolicy } from './validate-policy';

const clone = () => JSON.parse(JSON.stringify(DEFAULT_POLICY));

describe('validatePolicy', () => {
  it('accepts every preset', () => {
    for (const p of PRESET_POLICIES) expect(validatePolicy(JSON.parse(JSON.stringify(p))).errors).toEqual([]);
  });
  it('names a missing weight, weights that do not add up, and a negative amount by path', () => {
    const doc = clone();
    delete doc.scorecards.agent.components[2].max;
    doc.pay.base = -1;
    delete doc.deductions.longHold;
    const { errors, policy } = validatePolicy(doc);
    expect(policy).toBeNull();
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'scorecards.agent.components[2].max', message: 'the weight is required' },
        { path: 'scorecards.agent.components', message: 'weights add up to 95, not totalMax 100' },
        { path: 'pay.base', message: 'must not be negative' },
        { path: 'deductions.longHold', message: 'is required' },
      ]),
    );
  });
  it('rejects a bad month, zone, grade table and unknown level', () => {
    const doc = clone();
    doc.effectiveFrom = '2026-13';
    doc.timeZone = 'Mars/Olympus';
    doc.grades = [{ code: 'A', labelZh: 'A', labelEn: 'A', min: 50, justificationRequired: false, payDeduction: 0 }];
    doc.levels.order[3] = 'three-star';
    expect(validatePolicy(doc).errors.map((e) => e.path)).toEqual(['effectiveFrom', 'timeZone', 'grades', 'levels.order[3]']);
  });
  it('has the auto-QA switch off by default, takes a document without it, and refuses turning it on (issue 19)', () => {
    expect(DEFAULT_POLICY.autoQa).toEqual({ countsInProfessionalism: false });
    const without = clone();
    delete without.autoQa;
    expect(validatePolicy(without).errors).toEqual([]);
    const on = clone();
    on.autoQa.countsInProfessionalism = true;
    expect(validatePolicy(on).errors.map((e) => e.path)).toEqual(['autoQa.countsInProfessionalism']);
  });
});
