import { describe, expect, it } from 'vitest';
import { homeFor, NAV, navFor } from './nav';

const paths = (role: Parameters<typeof navFor>[0]) => navFor(role).map((n) => n.path);

describe('who sees the telephony admin pages', () => {
  it('lists the calls set aside and the month partitions for the administrator only', () => {
    const adminOnly = ['/admin/derivation-failures', '/admin/partitions'];
    expect(paths('admin')).toEqual(expect.arrayContaining(adminOnly));
    for (const role of ['agent', 'qa', 'supervisor', 'manager', 'hr', 'payroll'] as const) {
      expect([role, paths(role).filter((p) => adminOnly.includes(p))]).toEqual([role, []]);
    }
  });
});

describe('the manager (客服经理, issue 16)', () => {
  it('gets every team’s scorecards, the appraisal of supervisors and QA, month close, what-if and the inbox — and nothing of an agent’s, QA’s or admin’s', () => {
    expect(paths('manager')).toEqual(['/inbox', '/team/scorecards', '/team/appraisals', '/team/close', '/team/what-if']);
  });

  it('lands on the team scorecards', () => {
    expect(homeFor('manager')).toBe('/team/scorecards');
  });
});

describe('a lead’s own scorecard (issue 16)', () => {
  it('is in "mine" for supervisors and QA inspectors, beside the agent’s own page which stays the agent’s', () => {
    for (const role of ['supervisor', 'qa'] as const) {
      expect(navFor(role).find((n) => n.path === '/my-scorecard')).toMatchObject({ label: 'nav.myCard', group: 'group.mine' });
      expect(paths(role)).not.toContain('/scorecard');
    }
    expect(paths('agent')).toContain('/scorecard');
    for (const role of ['agent', 'manager', 'hr', 'payroll', 'admin'] as const) expect(paths(role)).not.toContain('/my-scorecard');
  });

  it('does not move where anyone lands', () => {
    expect([homeFor('agent'), homeFor('qa'), homeFor('supervisor'), homeFor('hr'), homeFor('admin'), homeFor(null)]).toEqual([
      '/scorecard', '/qa/work-list', '/team/scorecards', '/team/scorecards', '/team/what-if', '/inbox',
    ]);
  });
});

describe('machine against evaluators (issue 19)', () => {
  it('is a QA page for QA inspectors and the administrator, nobody else', () => {
    const page = NAV.find((n) => n.path === '/qa/machine-agreement');
    expect(page).toMatchObject({ label: 'nav.machineAgreement', group: 'group.qa' });
    expect(page?.roles.slice().sort()).toEqual(['admin', 'qa']);
    for (const role of ['agent', 'supervisor', 'manager', 'hr', 'payroll'] as const) expect(paths(role)).not.toContain('/qa/machine-agreement');
  });

  it('sits with the QA pages in the QA inspector’s menu, after human calibration', () => {
    const qa = navFor('qa').filter((n) => n.group === 'group.qa').map((n) => n.path);
    expect(qa).toEqual(['/qa/work-list', '/qa/score', '/qa/disputes', '/qa/calibration', '/qa/machine-agreement']);
  });
});

describe('the page list', () => {
  it('names every page once', () => {
    expect(new Set(NAV.map((n) => n.path)).size).toBe(NAV.length);
  });
});
