import type { MessageKey } from '../i18n/messages';
import type { Role } from '../auth/session';

export interface NavItem {
  path: string;
  label: MessageKey;
  roles: Role[];
  group: MessageKey;
  /** A shortcut to one's own things (the inbox, a lead's own card): never where a person lands. */
  shortcut?: true;
}

/** Every page of the console and who sees it (issue 9 § Pages, by role). */
export const NAV: NavItem[] = [
  { path: '/scorecard', label: 'nav.myScorecard', roles: ['agent'], group: 'group.mine' },
  { path: '/evaluations', label: 'nav.myEvaluations', roles: ['agent'], group: 'group.mine' },
  { path: '/records', label: 'nav.myRecords', roles: ['agent'], group: 'group.mine' },
  { path: '/schedule', label: 'nav.mySchedule', roles: ['agent'], group: 'group.mine' },
  // Supervisors and QA inspectors are scored on the supervisor card (issue 16): their own card, read like an agent's.
  { path: '/my-scorecard', label: 'nav.myCard', roles: ['supervisor', 'qa'], group: 'group.mine', shortcut: true },
  { path: '/inbox', label: 'nav.inbox', roles: ['agent', 'qa', 'supervisor', 'manager', 'hr', 'payroll', 'admin'], group: 'group.mine', shortcut: true },
  { path: '/qa/work-list', label: 'nav.workList', roles: ['qa'], group: 'group.qa' },
  { path: '/qa/score', label: 'nav.scoreCall', roles: ['qa'], group: 'group.qa' },
  { path: '/qa/disputes', label: 'nav.disputes', roles: ['qa'], group: 'group.qa' },
  { path: '/qa/calibration', label: 'nav.calibration', roles: ['qa'], group: 'group.qa' },
  { path: '/team/scorecards', label: 'nav.teamScorecards', roles: ['supervisor', 'manager', 'hr'], group: 'group.team' },
  { path: '/team/appraisals', label: 'nav.appraisals', roles: ['supervisor', 'manager'], group: 'group.team' },
  { path: '/team/conduct', label: 'nav.conduct', roles: ['supervisor', 'qa'], group: 'group.team' },
  { path: '/team/complaints', label: 'nav.complaints', roles: ['supervisor', 'qa'], group: 'group.team' },
  { path: '/team/approvals', label: 'nav.approvals', roles: ['supervisor', 'hr'], group: 'group.team' },
  { path: '/team/close', label: 'nav.monthClose', roles: ['supervisor', 'manager', 'hr'], group: 'group.team' },
  { path: '/team/what-if', label: 'nav.whatIf', roles: ['supervisor', 'manager', 'hr', 'admin'], group: 'group.team' },
  { path: '/wallboard', label: 'nav.wallboard', roles: ['supervisor', 'admin'], group: 'group.team' },
  // The machine against the evaluators (issue 19): QA's page, listed after the team pages so no one's landing page moves.
  { path: '/qa/machine-agreement', label: 'nav.machineAgreement', roles: ['qa', 'admin'], group: 'group.qa' },
  { path: '/hr/appeals', label: 'nav.appeals', roles: ['hr'], group: 'group.hr' },
  { path: '/hr/months', label: 'nav.closedMonths', roles: ['hr', 'payroll'], group: 'group.hr' },
  { path: '/hr/payroll', label: 'nav.payrollExport', roles: ['hr', 'payroll'], group: 'group.hr' },
  { path: '/admin/policies', label: 'nav.policies', roles: ['admin'], group: 'group.admin' },
  { path: '/admin/routing-rules', label: 'nav.routingRules', roles: ['admin'], group: 'group.admin' },
  { path: '/admin/webhooks', label: 'nav.webhooks', roles: ['admin'], group: 'group.admin' },
  { path: '/admin/deliveries', label: 'nav.deliveries', roles: ['admin', 'supervisor'], group: 'group.admin' },
  { path: '/admin/dead-letters', label: 'nav.deadLetters', roles: ['admin'], group: 'group.admin' },
  { path: '/admin/derivation-failures', label: 'nav.derivationFailures', roles: ['admin'], group: 'group.admin' },
  { path: '/admin/partitions', label: 'nav.partitions', roles: ['admin'], group: 'group.admin' },
];

export function navFor(role: Role | null): NavItem[] {
  return role ? NAV.filter((n) => n.roles.includes(role)) : [];
}

/** Where a person lands after signing in: their first page that is not a shortcut (the inbox is one click away for all). */
export function homeFor(role: Role | null): string {
  return navFor(role).find((n) => !n.shortcut)?.path ?? '/inbox';
}

/** The last `count` months ending with `current` (yyyy-mm), newest first, for period pickers. */
export function recentPeriods(current: string, count = 12): string[] {
  const out: string[] = [];
  let [y, m] = current.split('-').map(Number);
  for (let i = 0; i < count; i++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}
