import { Module } from '@nestjs/common';
import { CopiesConsumer } from './copies/copies.consumer';
import { EvaluationLifecycleController } from './evaluation-lifecycle/evaluation-lifecycle.controller';
import { EvaluationLifecycle } from './evaluation-lifecycle/evaluation-lifecycle';
import { EvaluationEvents } from './events/evaluation-events';
import { QaAlerts } from './events/alerts';
import { FormsController } from './forms/forms.controller';
import { ManageForms } from './forms/manage-forms';
import { QaPolicyStore } from './policy/qa-policy.store';
import { ReadEvaluationsController } from './read-evaluations/read-evaluations.controller';
import { ReadEvaluations } from './read-evaluations/read-evaluations';
import { AgentDirectory, PgAgentDirectory } from './store/agent-directory';
import { CallCopyStore, PgCallCopyStore } from './store/call-copy.store';
import { EvaluationStore, PgEvaluationStore } from './store/evaluation.store';
import { FormStore, PgFormStore } from './store/form.store';
import { SubmitEvaluationController } from './submit-evaluation/submit-evaluation.controller';
import { SubmitEvaluation } from './submit-evaluation/submit-evaluation';

@Module({
  controllers: [FormsController, SubmitEvaluationController, EvaluationLifecycleController, ReadEvaluationsController, CopiesConsumer],
  providers: [
    { provide: FormStore, useClass: PgFormStore },
    { provide: EvaluationStore, useClass: PgEvaluationStore },
    { provide: CallCopyStore, useClass: PgCallCopyStore },
    { provide: AgentDirectory, useClass: PgAgentDirectory },
    QaPolicyStore,
    EvaluationEvents,
    QaAlerts,
    ManageForms,
    SubmitEvaluation,
    EvaluationLifecycle,
    ReadEvaluations,
  ],
})
export class QaModule {}
