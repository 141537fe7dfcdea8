import { isNonEmptyString, isRecord, problem, type Problem } from '../validation/problems';
import type { AnswerType, FormDefinition, FormItem, FormSection } from './form';
import { hasAtMostTwoDecimals } from './hundredths';

const TYPES: AnswerType[] = ['yesno', 'scale', 'points'];
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A form definition as posted: ids unique and stable-looking, labels in both languages, sane points. */
export function checkFormDefinition(raw: unknown): { form?: FormDefinition; problems: Problem<'QA.FORM_INVALID'>[] } {
  const p: Problem<'QA.FORM_INVALID'>[] = [];
  if (!isRecord(raw)) return { problems: [problem('QA.FORM_INVALID', 'body', 'a form object is required / 需要表单对象')] };
  if (typeof raw.formId !== 'string' || !ID.test(raw.formId)) p.push(problem('QA.FORM_INVALID', 'formId', 'lower-case letters, digits and dashes / 小写字母、数字和连字符'));
  for (const k of ['titleZh', 'titleEn'] as const) if (!isNonEmptyString(raw[k])) p.push(problem('QA.FORM_INVALID', k, 'required / 必填'));
  if (raw.purpose !== 'call' && raw.purpose !== 'appraisal') p.push(problem('QA.FORM_INVALID', 'purpose', 'call or appraisal / 只能为 call 或 appraisal'));
  if (!Array.isArray(raw.sections) || raw.sections.length === 0) {
    p.push(problem('QA.FORM_INVALID', 'sections', 'at least one section / 至少一个分区'));
    return { problems: p };
  }
  const ids = new Set<string>();
  const sections = raw.sections.map((s: unknown, i) => checkSection(s, `sections[${i}]`, ids, p));
  if (p.length) return { problems: p };
  return {
    form: { formId: raw.formId as string, titleZh: raw.titleZh as string, titleEn: raw.titleEn as string, purpose: raw.purpose as 'call' | 'appraisal', sections: sections as FormSection[] },
    problems: [],
  };
}

function checkSection(raw: unknown, path: string, ids: Set<string>, p: Problem<'QA.FORM_INVALID'>[]): FormSection | null {
  if (!isRecord(raw)) {
    p.push(problem('QA.FORM_INVALID', path, 'a section object / 需要分区对象'));
    return null;
  }
  const sectionId = raw.sectionId;
  if (typeof sectionId !== 'string' || !ID.test(sectionId) || ids.has(sectionId)) p.push(problem('QA.FORM_INVALID', `${path}.sectionId`, 'a unique id / 需要唯一编号'));
  else ids.add(sectionId);
  labels(raw, path, p);
  if (raw.weight !== undefined && !(typeof raw.weight === 'number' && raw.weight > 0 && hasAtMostTwoDecimals(raw.weight))) {
    p.push(problem('QA.FORM_INVALID', `${path}.weight`, 'a positive number with at most two decimals / 正数, 最多两位小数'));
  }
  if (!Array.isArray(raw.items) || raw.items.length === 0) {
    p.push(problem('QA.FORM_INVALID', `${path}.items`, 'at least one item / 至少一个项目'));
    return null;
  }
  const items = raw.items.map((it: unknown, j) => checkItem(it, `${path}.items[${j}]`, ids, p));
  return { sectionId: sectionId as string, labelZh: raw.labelZh as string, labelEn: raw.labelEn as string, ...(raw.weight !== undefined ? { weight: raw.weight as number } : {}), items: items as FormItem[] };
}

function checkItem(raw: unknown, path: string, ids: Set<string>, p: Problem<'QA.FORM_INVALID'>[]): FormItem | null {
  if (!isRecord(raw)) {
    p.push(problem('QA.FORM_INVALID', path, 'an item object / 需要项目对象'));
    return null;
  }
  const itemId = raw.itemId;
  if (typeof itemId !== 'string' || !ID.test(itemId) || ids.has(itemId)) p.push(problem('QA.FORM_INVALID', `${path}.itemId`, 'a unique id / 需要唯一编号'));
  else ids.add(itemId);
  labels(raw, path, p);
  if (!TYPES.includes(raw.type as AnswerType)) p.push(problem('QA.FORM_INVALID', `${path}.type`, `one of ${TYPES.join(', ')} / 类型无效`));
  const max = raw.maxPoints;
  if (typeof max !== 'number' || max < 0 || !hasAtMostTwoDecimals(max)) p.push(problem('QA.FORM_INVALID', `${path}.maxPoints`, 'a number ≥ 0 with at most two decimals / 不小于 0, 最多两位小数'));
  const min = raw.minPoints ?? 0;
  if (typeof min !== 'number' || !Number.isInteger(min) || min < 0 || (typeof max === 'number' && min > max)) p.push(problem('QA.FORM_INVALID', `${path}.minPoints`, 'a whole number from 0 to maxPoints / 0 到满分之间的整数'));
  if (raw.critical !== undefined && raw.critical !== 'fail-all' && raw.critical !== 'fail-section') p.push(problem('QA.FORM_INVALID', `${path}.critical`, 'fail-all or fail-section / 只能为 fail-all 或 fail-section'));
  if (raw.critical !== undefined && raw.type !== 'yesno') p.push(problem('QA.FORM_INVALID', `${path}.critical`, 'only a yes/no item can be critical / 只有是否题可设为关键项'));
  if (raw.type === 'scale' && typeof max === 'number' && !Number.isInteger(max)) p.push(problem('QA.FORM_INVALID', `${path}.maxPoints`, 'a scale ends on a whole number / 量表满分须为整数'));
  return {
    itemId: itemId as string,
    labelZh: raw.labelZh as string,
    labelEn: raw.labelEn as string,
    type: raw.type as AnswerType,
    maxPoints: max as number,
    ...(raw.minPoints !== undefined ? { minPoints: raw.minPoints as number } : {}),
    naAllowed: raw.naAllowed === true,
    ...(raw.critical !== undefined ? { critical: raw.critical as FormItem['critical'] } : {}),
    ...(isRecord(raw.bands) ? { bands: raw.bands as FormItem['bands'] } : {}),
  };
}

function labels(raw: Record<string, unknown>, path: string, p: Problem<'QA.FORM_INVALID'>[]): void {
  for (const k of ['labelZh', 'labelEn']) if (!isNonEmptyString(raw[k])) p.push(problem('QA.FORM_INVALID', `${path}.${k}`, 'required / 必填'));
}
