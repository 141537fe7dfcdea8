import { problem, type Problem } from '../validation/problems';
import type { AnswerType, CriticalEffect, FormDefinition, FormItem } from './form';

export const ANSWER_TYPES: readonly AnswerType[] = ['yesno', 'scale', 'points'];
export const CRITICAL_EFFECTS: readonly CriticalEffect[] = ['fail-all', 'fail-section'];
export const FORM_PURPOSES: readonly FormDefinition['purpose'][] = ['call', 'appraisal'];
/** Form, section and item ids: stable-looking, safe in a URL and a report column. */
export const FORM_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * The rules of a well-shaped form definition that span its fields: section and item ids unique
 * across the whole form, a scale's ends, only a yes/no item critical. The shape itself (types,
 * labels, id spelling, two decimals) is the command's; answers are scored against what passes here.
 */
export function checkFormDefinition(form: FormDefinition): Problem<'QA.FORM_INVALID'>[] {
  const p: Problem<'QA.FORM_INVALID'>[] = [];
  const ids = new Set<string>();
  const unique = (id: string, path: string) => {
    if (ids.has(id)) p.push(problem('QA.FORM_INVALID', path, `${id} is used twice in the form / 编号在表单中重复`));
    ids.add(id);
  };
  form.sections.forEach((section, i) => {
    unique(section.sectionId, `sections[${i}].sectionId`);
    section.items.forEach((item, j) => {
      unique(item.itemId, `sections[${i}].items[${j}].itemId`);
      checkItem(item, `sections[${i}].items[${j}]`, p);
    });
  });
  return p;
}

function checkItem(item: FormItem, path: string, p: Problem<'QA.FORM_INVALID'>[]): void {
  if ((item.minPoints ?? 0) > item.maxPoints) p.push(problem('QA.FORM_INVALID', `${path}.minPoints`, 'a whole number from 0 to maxPoints / 0 到满分之间的整数'));
  if (item.critical !== undefined && item.type !== 'yesno') p.push(problem('QA.FORM_INVALID', `${path}.critical`, 'only a yes/no item can be critical / 只有是否题可设为关键项'));
  if (item.type === 'scale' && !Number.isInteger(item.maxPoints)) p.push(problem('QA.FORM_INVALID', `${path}.maxPoints`, 'a scale ends on a whole number / 量表满分须为整数'));
}
