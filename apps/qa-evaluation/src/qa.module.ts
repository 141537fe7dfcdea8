import { Module } from '@nestjs/common';
import { ApplyPolicy } from './policy/apply-policy';
import { PolicyController } from './policy/policy.controller';
import { AppraisalReminderWorker } from './appraisal-reminders/appraisal-reminder.worker';
import { AppraisalRemindersController } from './appraisal-reminders/appraisal-reminders.controller';
import { RemindAppraisals } from './appraisal-reminders/remind-appraisals';
import { CalibrationController } from './calibration/calibration.controller';
import { Calibration } from './calibration/calibration';
import { CalibrationStore, PgCalibrationStore } from './store/calibration.store';
import { RunSampling } from './sampling/run-sampling';
import { SamplingController } from './sampling/sampling.controller';
import { WorkLists } from './sampling/work-lists';
import { PgSamplingStore, SamplingStore } from './store/sampling.store';
import { AppraisalsController } from './appraisals/appraisals.controller';
import { SubmitAppraisal } from './appraisals/submit-appraisal';
import { Clock } from './clock/clock';
import { ComplaintsController } from './complaints/complaints.controller';
import { Complaints } from './complaints/complaints';
import { ConductAppealController } from './conduct-appeal/conduct-appeal.controller';
import { ConductAppealFlow } from './conduct-appeal/conduct-appeal';
import { ConductCatalogueController } from './conduct-catalogue/conduct-catalogue.controller';
import { ConductCatalogue } from './conduct-catalogue/conduct-catalogue';
import { SignConductRecordController } from './conduct-signature/sign-conduct-record.controller';
import { SignConductRecord } from './conduct-signature/sign-conduct-record';
import { DisputesController } from './disputes/disputes.controller';
import { Disputes } from './disputes/disputes';
import { ConductEvents } from './events/conduct-events';
import { ReadConductController } from './read-conduct/read-conduct.controller';
import { ReadConduct } from './read-conduct/read-conduct';
import { RecordConductController } from './record-conduct/record-conduct.controller';
import { RecordConduct } from './record-conduct/record-conduct';
import { AppraisalStore, PgAppraisalStore } from './store/appraisal.store';
import { ComplaintStore, PgComplaintStore } from './store/complaint.store';
import { ConductStore, PgConductStore } from './store/conduct.store';
import { DisputeStore, PgDisputeStore } from './store/dispute.store';
import { CopiesConsumer } from './copies/copies.consumer';
import { EvaluationLifecycleController } from './evaluation-lifecycle/evaluation-lifecycle.controller';
import { EvaluationLifecycle } from './evaluation-lifecycle/evaluation-lifecycle';
import { EvaluationEvents } from './events/evaluation-events';
import { QaAlerts } from './events/alerts';
import { FormsController } from './forms/forms.controller';
import { ManageForms } from './forms/manage-forms';
import { QaPolicyStore } from './store/qa-policy.store';
import { ReadEvaluationsController } from './read-evaluations/read-evaluations.controller';
import { ReadEvaluations } from './read-evaluations/read-evaluations';
import { AgentDirectory, PgAgentDirectory } from './store/agent-directory';
import { CallCopyStore, PgCallCopyStore } from './store/call-copy.store';
import { EvaluationStore, PgEvaluationStore } from './store/evaluation.store';
import { FormStore, PgFormStore } from './store/form.store';
import { SubmitEvaluationController } from './submit-evaluation/submit-evaluation.controller';
import { SubmitEvaluation } from './submit-evaluation/submit-evaluation';

@Module({
  controllers: [FormsController, SubmitEvaluationController, EvaluationLifecycleController, ReadEvaluationsController, CopiesConsumer,
    RecordConductController, SignConductRecordController, ConductAppealController, ReadConductController, ConductCatalogueController,
    ComplaintsController, AppraisalsController, DisputesController, SamplingController, CalibrationController, AppraisalRemindersController, PolicyController],
  providers: [
    { provide: FormStore, useClass: PgFormStore },
    { provide: EvaluationStore, useClass: PgEvaluationStore },
    { provide: CallCopyStore, useClass: PgCallCopyStore },
    { provide: AgentDirectory, useClass: PgAgentDirectory },
    { provide: ConductStore, useClass: PgConductStore },
    { provide: ComplaintStore, useClass: PgComplaintStore },
    { provide: AppraisalStore, useClass: PgAppraisalStore },
    { provide: DisputeStore, useClass: PgDisputeStore },
    { provide: SamplingStore, useClass: PgSamplingStore },
    { provide: CalibrationStore, useClass: PgCalibrationStore },
    Clock,
    Calibration,
    RemindAppraisals,
    AppraisalReminderWorker,
    RunSampling,
    WorkLists,
    QaPolicyStore,
    ApplyPolicy,
    ConductEvents,
    RecordConduct,
    SignConductRecord,
    ConductAppealFlow,
    ReadConduct,
    ConductCatalogue,
    Complaints,
    SubmitAppraisal,
    Disputes,
    EvaluationEvents,
    QaAlerts,
    ManageForms,
    SubmitEvaluation,
    EvaluationLifecycle,
    ReadEvaluations,
  ],
})
export class QaModule {}
