import { Module } from '@nestjs/common';
import { TeamScope } from '@app/auth';
import { teamDirectoryOver } from '@app/persistence';
import { AcknowledgeEvaluationController } from './acknowledge-evaluation/acknowledge-evaluation.controller';
import { AcknowledgeEvaluation } from './acknowledge-evaluation/acknowledge-evaluation';
import { AppealConductRecordController } from './appeal-conduct-record/appeal-conduct-record.controller';
import { AppealConductRecord } from './appeal-conduct-record/appeal-conduct-record';
import { ApplyPolicyController } from './apply-policy/apply-policy.controller';
import { ApplyPolicy } from './apply-policy/apply-policy';
import { AppraisalReminderWorker } from './appraisal-reminders/appraisal-reminder.worker';
import { AppraisalRemindersController } from './appraisal-reminders/appraisal-reminders.controller';
import { RemindAppraisals } from './appraisal-reminders/remind-appraisals';
import { CalibrationReportController } from './calibration-report/calibration-report.controller';
import { CalibrationReport } from './calibration-report/calibration-report';
import { Clock } from './clock/clock';
import { ConductCatalogueController } from './conduct-catalogue/conduct-catalogue.controller';
import { ConductCatalogue } from './conduct-catalogue/conduct-catalogue';
import { CopiesConsumer } from './copies/copies.consumer';
import { ScoreFinalizedConsumer } from './scoring-close/score-finalized.consumer';
import { FinalizedScorecards, PgFinalizedScorecards } from './store/finalized-scorecards';
import { DecideConductAppealController } from './decide-conduct-appeal/decide-conduct-appeal.controller';
import { DecideConductAppeal } from './decide-conduct-appeal/decide-conduct-appeal';
import { DecideDisputeController } from './decide-dispute/decide-dispute.controller';
import { DecideDispute } from './decide-dispute/decide-dispute';
import { QaAlerts } from './events/alerts';
import { ConductEvents } from './events/conduct-events';
import { EvaluationEvents } from './events/evaluation-events';
import { FileDisputeController } from './file-dispute/file-dispute.controller';
import { FileDispute } from './file-dispute/file-dispute';
import { JudgeComplaintController } from './judge-complaint/judge-complaint.controller';
import { JudgeComplaint } from './judge-complaint/judge-complaint';
import { ManageFormsController } from './manage-forms/manage-forms.controller';
import { ManageForms } from './manage-forms/manage-forms';
import { OpenCalibrationController } from './open-calibration/open-calibration.controller';
import { OpenCalibration } from './open-calibration/open-calibration';
import { PeriodWindow } from './periods/period-window';
import { ReadAppraisalsController } from './read-appraisals/read-appraisals.controller';
import { ReadAppraisals } from './read-appraisals/read-appraisals';
import { ReadComplaintsController } from './read-complaints/read-complaints.controller';
import { ReadComplaints } from './read-complaints/read-complaints';
import { ReadConductController } from './read-conduct/read-conduct.controller';
import { ReadConduct } from './read-conduct/read-conduct';
import { ReadEvaluationsController } from './read-evaluations/read-evaluations.controller';
import { ReadEvaluations } from './read-evaluations/read-evaluations';
import { RecordConductController } from './record-conduct/record-conduct.controller';
import { RecordConduct } from './record-conduct/record-conduct';
import { RegisterComplaintController } from './register-complaint/register-complaint.controller';
import { RegisterComplaint } from './register-complaint/register-complaint';
import { ReleaseEvaluationController } from './release-evaluation/release-evaluation.controller';
import { ReleaseEvaluation } from './release-evaluation/release-evaluation';
import { RunSamplingController } from './run-sampling/run-sampling.controller';
import { RunSampling } from './run-sampling/run-sampling';
import { ScoreCalibrationController } from './score-calibration/score-calibration.controller';
import { ScoreCalibration } from './score-calibration/score-calibration';
import { SignConductRecordController } from './sign-conduct-record/sign-conduct-record.controller';
import { SignConductRecord } from './sign-conduct-record/sign-conduct-record';
import { AgentDirectory, PgAgentDirectory } from './store/agent-directory';
import { AppraisalStore, PgAppraisalStore } from './store/appraisal.store';
import { AttendanceDayStore, PgAttendanceDayStore } from './store/attendance-day.store';
import { CalibrationStore, PgCalibrationStore } from './store/calibration.store';
import { CatalogueStore, PgCatalogueStore } from './store/catalogue.store';
import { CallCopyStore, PgCallCopyStore } from './store/call-copy.store';
import { ComplaintStore, PgComplaintStore } from './store/complaint.store';
import { ConductStore, PgConductStore } from './store/conduct.store';
import { DisputeStore, PgDisputeStore } from './store/dispute.store';
import { EvaluationStore, PgEvaluationStore } from './store/evaluation.store';
import { FormStore, PgFormStore } from './store/form.store';
import { QaPolicyStore } from './store/qa-policy.store';
import { PgSamplingStore, SamplingStore } from './store/sampling.store';
import { SubmitAppraisalController } from './submit-appraisal/submit-appraisal.controller';
import { SubmitAppraisal } from './submit-appraisal/submit-appraisal';
import { SubmitEvaluationController } from './submit-evaluation/submit-evaluation.controller';
import { SubmitEvaluation } from './submit-evaluation/submit-evaluation';
import { VoidEvaluationController } from './void-evaluation/void-evaluation.controller';
import { VoidEvaluation } from './void-evaluation/void-evaluation';
import { WorkListsController } from './work-lists/work-lists.controller';
import { WorkLists } from './work-lists/work-lists';

import { AutoEvaluate } from './auto-evaluate/auto-evaluate';
import { AutoEvaluationWorker } from './auto-evaluate/auto-evaluation.worker';
import { FreshTranscripts } from './auto-evaluate/fresh-transcripts';
import { AutoEvaluationAgreementController } from './auto-evaluation-agreement/auto-evaluation-agreement.controller';
import { AutoEvaluationAgreement } from './auto-evaluation-agreement/auto-evaluation-agreement';
import { AutoEvaluationEvents } from './events/auto-evaluation-events';
import { IngestTranscriptController } from './ingest-transcript/ingest-transcript.controller';
import { IngestTranscript } from './ingest-transcript/ingest-transcript';
import { ReadAutoEvaluationsController } from './read-auto-evaluations/read-auto-evaluations.controller';
import { ReadAutoEvaluations } from './read-auto-evaluations/read-auto-evaluations';
import { AutoEvaluationSignal } from './store/auto-evaluation-signal';
import { AutoEvaluationStore, PgAutoEvaluationStore } from './store/auto-evaluation.store';
import { PgTranscriptStore, TranscriptStore } from './store/transcript.store';

/** One controller and one handler per use case; stores behind their ports. */
@Module({
  controllers: [
    ManageFormsController,
    SubmitEvaluationController, ReleaseEvaluationController, AcknowledgeEvaluationController, VoidEvaluationController, ReadEvaluationsController,
    FileDisputeController, DecideDisputeController,
    SubmitAppraisalController, ReadAppraisalsController, AppraisalRemindersController,
    ConductCatalogueController, RecordConductController, SignConductRecordController, AppealConductRecordController, DecideConductAppealController, ReadConductController,
    RegisterComplaintController, JudgeComplaintController, ReadComplaintsController,
    RunSamplingController, WorkListsController,
    OpenCalibrationController, ScoreCalibrationController, CalibrationReportController,
    ApplyPolicyController, CopiesConsumer, ScoreFinalizedConsumer,
    // Speech QA; the agreement route first, so `agreement` is never read as a call id.
    IngestTranscriptController, AutoEvaluationAgreementController, ReadAutoEvaluationsController,
  ],
  providers: [
    { provide: FormStore, useClass: PgFormStore },
    { provide: EvaluationStore, useClass: PgEvaluationStore },
    { provide: CallCopyStore, useClass: PgCallCopyStore },
    { provide: AgentDirectory, useClass: PgAgentDirectory },
    teamDirectoryOver({ table: 'qa.agent' }),
    TeamScope,
    { provide: AttendanceDayStore, useClass: PgAttendanceDayStore },
    { provide: DisputeStore, useClass: PgDisputeStore },
    { provide: AppraisalStore, useClass: PgAppraisalStore },
    { provide: FinalizedScorecards, useClass: PgFinalizedScorecards },
    { provide: ConductStore, useClass: PgConductStore },
    { provide: CatalogueStore, useClass: PgCatalogueStore },
    { provide: ComplaintStore, useClass: PgComplaintStore },
    { provide: SamplingStore, useClass: PgSamplingStore },
    { provide: CalibrationStore, useClass: PgCalibrationStore },
    QaPolicyStore, Clock, PeriodWindow, EvaluationEvents, ConductEvents, QaAlerts,
    ManageForms,
    SubmitEvaluation, ReleaseEvaluation, AcknowledgeEvaluation, VoidEvaluation, ReadEvaluations,
    FileDispute, DecideDispute,
    SubmitAppraisal, ReadAppraisals, RemindAppraisals, AppraisalReminderWorker,
    ConductCatalogue, RecordConduct, SignConductRecord, AppealConductRecord, DecideConductAppeal, ReadConduct,
    RegisterComplaint, JudgeComplaint, ReadComplaints,
    RunSampling, WorkLists,
    OpenCalibration, ScoreCalibration, CalibrationReport,
    ApplyPolicy,
    { provide: TranscriptStore, useClass: PgTranscriptStore },
    { provide: AutoEvaluationStore, useClass: PgAutoEvaluationStore },
    AutoEvaluationEvents, IngestTranscript, AutoEvaluate, AutoEvaluationWorker, FreshTranscripts, ReadAutoEvaluations, AutoEvaluationAgreement,
    { provide: AutoEvaluationSignal, useExisting: AutoEvaluationWorker },
  ],
})
export class QaModule {}
