import { COMPLAINT_CATEGORIES } from '@app/contracts';
import { checkComplaintCategory, isComplaintCategory } from './complaint-category';

describe('complaint categories', () => {
  it('takes exactly the published categories', () => {
    expect(COMPLAINT_CATEGORIES).toEqual(['attitude', 'knowledge', 'process', 'other']);
    for (const c of COMPLAINT_CATEGORIES) expect(checkComplaintCategory(c)).toBeNull();
    expect(isComplaintCategory('Attitude')).toBe(false);
    expect(isComplaintCategory(undefined)).toBe(false);
  });

  it('refuses anything else with a stable code, the path and both languages listing the allowed values', () => {
    const p = checkComplaintCategory('no-callback');
    expect(p).toEqual({
      code: 'QA.COMPLAINT_CATEGORY_UNKNOWN',
      path: 'category',
      message: 'category must be one of attitude, knowledge, process, other / 投诉类别须为以下之一: attitude(服务态度)、knowledge(产品知识)、process(工作流程)、other(其他)',
    });
  });
});
