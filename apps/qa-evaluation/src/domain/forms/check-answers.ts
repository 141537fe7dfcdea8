import { problem, type Problem } from '../validation/problems';
import { allItems, type Answer, type AnswerValue, type FormDefinition, type FormItem } from './form';
import { hasAtMostTwoDecimals } from './hundredths';

/** What a value may be refused for against its item. */
export type ValueProblemCode = 'QA.NA_NOT_ALLOWED' | 'QA.VALUE_OUT_OF_RANGE';
/** What a list of answers may be refused for against a form version. */
export type AnswerProblemCode = 'QA.UNKNOWN_ITEM' | 'QA.DUPLICATE_ANSWER' | 'QA.ANSWER_MISSING' | ValueProblemCode;

/**
 * Checks answers against a form version: every item answered once, no item the version lacks,
 * each value of the item's type and within its range. `path` prefixes each problem's path. The list's
 * shape (an array of `{ itemId: string, value }`) was checked at the edge by the command classes.
 */
export function checkAnswers(form: FormDefinition, raw: ReadonlyArray<{ itemId: string; value: unknown }>, path = 'answers'): { answers: Answer[]; problems: Problem<AnswerProblemCode>[] } {
  const items = new Map(allItems(form).map(({ item }) => [item.itemId, item]));
  const problems: Problem<AnswerProblemCode>[] = [];
  const answers: Answer[] = [];
  const seen = new Set<string>();
  raw.forEach(({ itemId, value }, i) => {
    const at = `${path}[${i}]`;
    const item = items.get(itemId);
    if (!item) return problems.push(problem('QA.UNKNOWN_ITEM', `${at}.itemId`, `form ${form.formId} has no item ${itemId} / 表单没有此项目`));
    if (seen.has(itemId)) return problems.push(problem('QA.DUPLICATE_ANSWER', `${at}.itemId`, `${itemId} is answered twice / 项目重复作答`));
    seen.add(itemId);
    const bad = checkValue(item, value);
    if (bad) return problems.push(problem(bad.code, `${at}.value`, bad.message));
    answers.push({ itemId, value: value as AnswerValue });
  });
  for (const itemId of items.keys()) {
    if (!seen.has(itemId)) problems.push(problem('QA.ANSWER_MISSING', path, `item ${itemId} is not answered / 项目 ${itemId} 未作答`));
  }
  return { answers, problems };
}

/** One value against one item; the range message names the range in both languages. */
export function checkValue(item: FormItem, value: unknown): { code: ValueProblemCode; message: string } | null {
  if (value === 'na') return item.naAllowed ? null : { code: 'QA.NA_NOT_ALLOWED', message: `${item.itemId} may not be N/A / 此项目不可选"不适用"` };
  if (item.type === 'yesno') return typeof value === 'boolean' ? null : { code: 'QA.VALUE_OUT_OF_RANGE', message: `${item.itemId} takes true or false / 此项目只能为是或否` };
  const min = item.minPoints ?? 0;
  const range = `${min}–${item.maxPoints}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return { code: 'QA.VALUE_OUT_OF_RANGE', message: `${item.itemId} takes a number in ${range} / 分值须在 ${range} 之间` };
  if (item.type === 'scale' && !Number.isInteger(value)) return { code: 'QA.VALUE_OUT_OF_RANGE', message: `${item.itemId} takes a whole number in ${range} / 分值须为 ${range} 的整数` };
  if (!hasAtMostTwoDecimals(value)) return { code: 'QA.VALUE_OUT_OF_RANGE', message: `${item.itemId} takes at most two decimals / 最多两位小数` };
  if (value < min || value > item.maxPoints) return { code: 'QA.VALUE_OUT_OF_RANGE', message: `${value} is outside ${range} / ${value} 超出 ${range}` };
  return null;
}
