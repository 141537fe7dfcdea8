import type { ReactNode } from 'react';
import { DeadLettersPage, DeliveriesPage, PoliciesPage, RoutingRulesPage, WebhooksPage } from '../pages/admin/AdminPages';
import { DerivationFailuresPage } from '../pages/admin/DerivationFailuresPage';
import { PartitionsPage } from '../pages/admin/PartitionsPage';
import { MyEvaluationsPage } from '../pages/agent/MyEvaluationsPage';
import { MyRecordsPage } from '../pages/agent/MyRecordsPage';
import { MySchedulePage } from '../pages/agent/MySchedulePage';
import { MyScorecardPage } from '../pages/agent/MyScorecardPage';
import { InboxPage } from '../pages/common/InboxPage';
import { AppealsPage, PayrollExportPage } from '../pages/hr/HrPages';
import { CalibrationPage, DisputesPage, WorkListPage } from '../pages/qa/QaPages';
import { MachineAgreementPage } from '../pages/qa/MachineAgreementPage';
import { ScoreCallPage } from '../pages/qa/ScoreCallPage';
import { AppraisalPage } from '../pages/supervisor/AppraisalPage';
import { ConductRecordPage } from '../pages/supervisor/ConductRecordPage';
import { TeamScorecardsPage } from '../pages/supervisor/TeamScorecardsPage';
import { ApprovalsPage, ClosedMonthsPage, ComplaintsPage, MonthClosePage, WhatIfPage } from '../pages/supervisor/TeamPages';
import { WallboardPage } from '../pages/supervisor/WallboardPage';

/** Route path → page (who may open each is in nav.ts). */
export const PAGES: Record<string, ReactNode> = {
  '/scorecard': <MyScorecardPage />,
  '/my-scorecard': <MyScorecardPage />,
  '/evaluations': <MyEvaluationsPage />,
  '/records': <MyRecordsPage />,
  '/schedule': <MySchedulePage />,
  '/inbox': <InboxPage />,
  '/qa/work-list': <WorkListPage />,
  '/qa/score': <ScoreCallPage />,
  '/qa/disputes': <DisputesPage />,
  '/qa/calibration': <CalibrationPage />,
  '/qa/machine-agreement': <MachineAgreementPage />,
  '/team/scorecards': <TeamScorecardsPage />,
  '/team/appraisals': <AppraisalPage />,
  '/team/conduct': <ConductRecordPage />,
  '/team/complaints': <ComplaintsPage />,
  '/team/approvals': <ApprovalsPage />,
  '/team/close': <MonthClosePage />,
  '/team/what-if': <WhatIfPage />,
  '/wallboard': <WallboardPage />,
  '/hr/appeals': <AppealsPage />,
  '/hr/months': <ClosedMonthsPage />,
  '/hr/payroll': <PayrollExportPage />,
  '/admin/policies': <PoliciesPage />,
  '/admin/routing-rules': <RoutingRulesPage />,
  '/admin/webhooks': <WebhooksPage />,
  '/admin/deliveries': <DeliveriesPage />,
  '/admin/dead-letters': <DeadLettersPage />,
  '/admin/derivation-failures': <DerivationFailuresPage />,
  '/admin/partitions': <PartitionsPage />,
};
