import { appraisableRoles } from './appraisal';

describe('who files whose appraisal (issue 16)', () => {
  it('a supervisor appraises agents and shift leads, the manager supervisors and QA inspectors, nobody else anyone', () => {
    expect(appraisableRoles('supervisor')).toEqual(['agent', 'shift-lead']);
    expect(appraisableRoles('manager')).toEqual(['supervisor', 'qa']);
    for (const role of ['agent', 'qa', 'hr', 'payroll', 'admin', null, undefined]) expect(appraisableRoles(role)).toEqual([]);
  });
});
