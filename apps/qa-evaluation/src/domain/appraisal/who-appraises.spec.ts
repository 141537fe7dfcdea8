import { appraisableRoles, mayAppraise } from './who-appraises';

describe('who appraises whom', () => {
  it('a supervisor appraises agents and shift leads, never a supervisor or a QA inspector', () => {
    expect(mayAppraise(['supervisor'], 'agent')).toBe(true);
    expect(mayAppraise(['supervisor'], 'shift-lead')).toBe(true);
    expect(mayAppraise(['supervisor'], 'supervisor')).toBe(false);
    expect(mayAppraise(['supervisor'], 'qa')).toBe(false);
  });

  it('the department head (manager) appraises supervisors and QA inspectors', () => {
    expect(mayAppraise(['manager'], 'supervisor')).toBe(true);
    expect(mayAppraise(['manager'], 'qa')).toBe(true);
    expect(mayAppraise(['manager'], 'agent')).toBe(false);
    expect(mayAppraise(['manager', 'supervisor'], 'agent')).toBe(true);
  });

  it('a person the directory does not know counts as an agent; other roles appraise nobody', () => {
    expect(mayAppraise(['supervisor'], null)).toBe(true);
    expect(mayAppraise(['manager'], undefined)).toBe(false);
    expect(mayAppraise(['hr', 'admin', 'qa'], 'agent')).toBe(false);
    expect(appraisableRoles(['supervisor', 'manager'])).toEqual(['agent', 'shift-lead', 'supervisor', 'qa']);
  });
});
