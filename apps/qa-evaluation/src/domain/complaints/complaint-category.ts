import { COMPLAINT_CATEGORIES, type ComplaintCategory } from '@app/contracts';
import { problem, type Problem } from '../validation/problems';

const LABELS_ZH: Record<ComplaintCategory, string> = { attitude: '服务态度', knowledge: '产品知识', process: '工作流程', other: '其他' };

export function isComplaintCategory(v: unknown): v is ComplaintCategory {
  return typeof v === 'string' && (COMPLAINT_CATEGORIES as readonly string[]).includes(v);
}

/**
 * A complaint's category is one of the published few (issue 16): scoring counts `knowledge` and `process` ones
 * against applying knowledge, so a free-text category would silently count nowhere.
 */
export function checkComplaintCategory(value: string): Problem<'QA.COMPLAINT_CATEGORY_UNKNOWN'> | null {
  if (isComplaintCategory(value)) return null;
  const en = COMPLAINT_CATEGORIES.join(', ');
  const zh = COMPLAINT_CATEGORIES.map((c) => `${c}(${LABELS_ZH[c]})`).join('、');
  return problem('QA.COMPLAINT_CATEGORY_UNKNOWN', 'category', `category must be one of ${en} / 投诉类别须为以下之一: ${zh}`);
}
