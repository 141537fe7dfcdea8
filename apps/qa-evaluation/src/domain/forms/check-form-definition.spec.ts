import { checkFormDefinition } from './check-form-definition';
import type { FormDefinition, FormItem } from './form';
import { CALL_QA_FORM, SEEDED_FORMS } from './seeded-forms';

const withItem = (over: Partial<FormItem>): FormDefinition => ({
  ...CALL_QA_FORM,
  sections: [{ ...CALL_QA_FORM.sections[0], items: [{ ...CALL_QA_FORM.sections[0].items[0], ...over }] }],
});
const paths = (form: FormDefinition) => checkFormDefinition(form).map((p) => [p.code, p.path]);

describe('checkFormDefinition (the rules across a form\'s fields)', () => {
  it('passes the seeded forms', () => {
    for (const form of SEEDED_FORMS) expect(checkFormDefinition(form)).toEqual([]);
  });

  it('refuses an id used twice, items and sections alike', () => {
    const [first, second] = CALL_QA_FORM.sections;
    const twice: FormDefinition = { ...CALL_QA_FORM, sections: [first, { ...second, sectionId: first.sectionId, items: [{ ...second.items[0], itemId: first.items[0].itemId }] }] };
    expect(paths(twice)).toEqual([['QA.FORM_INVALID', 'sections[1].sectionId'], ['QA.FORM_INVALID', 'sections[1].items[0].itemId']]);
    expect(paths({ ...CALL_QA_FORM, sections: [{ ...first, items: [{ ...first.items[0], itemId: first.sectionId }] }] })).toEqual([['QA.FORM_INVALID', 'sections[0].items[0].itemId']]);
  });

  it('refuses a critical that is not yes/no, a fractional scale, a floor above the top', () => {
    expect(paths(withItem({ type: 'scale', maxPoints: 5, critical: 'fail-all' }))).toEqual([['QA.FORM_INVALID', 'sections[0].items[0].critical']]);
    expect(paths(withItem({ type: 'scale', maxPoints: 4.5, critical: undefined }))).toEqual([['QA.FORM_INVALID', 'sections[0].items[0].maxPoints']]);
    expect(paths(withItem({ type: 'points', maxPoints: 3, minPoints: 4, critical: undefined }))).toEqual([['QA.FORM_INVALID', 'sections[0].items[0].minPoints']]);
    expect(paths(withItem({ type: 'yesno', maxPoints: 0, critical: 'fail-section' }))).toEqual([]);
  });
});
