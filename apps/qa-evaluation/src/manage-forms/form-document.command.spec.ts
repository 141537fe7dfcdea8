import { checkAgainst } from '@app/platform';
import { MONTHLY_APPRAISAL_FORM, CALL_QA_FORM } from '../domain/forms/seeded-forms';
import { CreateFormCommand } from './create-form.command';
import { formDefinitionOf } from './form-document.command';
import { ReplaceFormCommand } from './replace-form.command';

const problems = (type: typeof CreateFormCommand | typeof ReplaceFormCommand, raw: unknown) => {
  const checked = checkAgainst(type, raw);
  return checked.ok ? [] : [...new Set(checked.problems.map((p) => p.path))];
};
const item0 = CALL_QA_FORM.sections[0].items[0];
const withItem = (over: Record<string, unknown>) => ({ ...CALL_QA_FORM, sections: [{ ...CALL_QA_FORM.sections[0], items: [{ ...item0, ...over }] }] });

describe('the form commands (the shape of a form body, checked as the validation pipe checks it)', () => {
  it('take the seeded forms, and a version read back with its server fields, unchanged', () => {
    for (const form of [CALL_QA_FORM, MONTHLY_APPRAISAL_FORM]) {
      const checked = checkAgainst(CreateFormCommand, { ...form, version: 3, status: 'published', publishedAt: '2026-10-01T00:00:00.000Z' });
      expect(checked.ok).toBe(true);
      if (checked.ok) expect(formDefinitionOf(checked.value, form.formId)).toEqual(form);
    }
    const { formId: _left, ...withoutId } = CALL_QA_FORM;
    expect(problems(ReplaceFormCommand, withoutId)).toEqual([]);
    expect(problems(CreateFormCommand, withoutId)).toEqual(['formId']);
  });

  it('name each bad field by its path, down to the items and their bands', () => {
    expect(problems(CreateFormCommand, { ...CALL_QA_FORM, formId: 'Call QA', purpose: 'chat', titleZh: '  ' }).sort()).toEqual(['formId', 'purpose', 'titleZh']);
    expect(problems(CreateFormCommand, { ...CALL_QA_FORM, sections: [] })).toEqual(['sections']);
    expect(problems(CreateFormCommand, withItem({ maxPoints: 1.234 }))).toEqual(['sections[0].items[0].maxPoints']);
    expect(problems(CreateFormCommand, withItem({ maxPoints: 1e308 }))).toEqual(['sections[0].items[0].maxPoints']);
    expect(problems(CreateFormCommand, withItem({ type: 'stars', minPoints: 1.5 }))).toEqual(['sections[0].items[0].type', 'sections[0].items[0].minPoints']);
    expect(problems(CreateFormCommand, withItem({ bands: { good: { min: 1, max: 'ten' }, poor: { min: 0, max: 0 } } }))).toEqual(['sections[0].items[0].bands.good.max']);
    expect(problems(CreateFormCommand, withItem({ colour: 'red' }))).toEqual(['sections[0].items[0].colour']);
    expect(problems(CreateFormCommand, { ...CALL_QA_FORM, sections: [{ ...CALL_QA_FORM.sections[0], weight: -1 }] })).toEqual(['sections[0].weight']);
  });
});
