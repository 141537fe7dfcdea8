import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { TransactionScope } from '@app/persistence';
import { checkAnswers } from '../domain/forms/check-answers';
import { scoreForm } from '../domain/forms/score-form';
import { Fields } from '../domain/validation/fields';
import { EvaluationEvents } from '../events/evaluation-events';
import { QaErrors, refuse, rejected } from '../qa-evaluation.errors';
import { CallCopyStore } from '../store/call-copy.store';
import { EvaluationStore, type Evaluation } from '../store/evaluation.store';
import { FormStore } from '../store/form.store';

export interface SubmitEvaluationResult {
  evaluationId: string;
  score: number;
  maxScore: number;
  percent: number;
  criticalFail: boolean;
  status: 'submitted';
  version: number;
}

/**
 * QA scores a call on a published form version: the server computes the score, stores the
 * evaluation and publishes `qa.evaluation.finalized` in one transaction.
 */
@Injectable()
export class SubmitEvaluation {
  constructor(
    private readonly scope: TransactionScope,
    private readonly forms: FormStore,
    private readonly evaluations: EvaluationStore,
    private readonly calls: CallCopyStore,
    private readonly events: EvaluationEvents,
    private readonly teams: TeamScope,
  ) {}

  /** `evaluator`: a QA inspector, who scores the calls of their own teams' people. */
  async execute(body: unknown, evaluator: AuthenticatedUser): Promise<SubmitEvaluationResult> {
    const evaluatorId = evaluator.sub;
    const f = new Fields(body);
    f.only(['callId', 'agentId', 'formId', 'formVersion', 'answers', 'comment']);
    const callId = f.string('callId', { max: 200 });
    const agentId = f.string('agentId', { max: 100 });
    const formId = f.string('formId', { max: 100 });
    const formVersion = f.integer('formVersion', { min: 1 });
    const comment = f.string('comment', { optional: true, max: 4000 });
    if (f.problems.length) throw rejected(f.problems);
    await this.teams.assertReaches(evaluator, agentId!);
    const form = await this.forms.get(formId!, formVersion!);
    if (!form || form.status !== 'published' || form.purpose !== 'call') {
      const formExists = form !== null || (await this.forms.get(formId!, 1)) !== null;
      throw QaErrors.unknownFormVersion(formExists && form?.purpose !== 'appraisal' ? 'formVersion' : 'formId');
    }
    const { answers, problems } = checkAnswers(form, f.raw('answers'));
    if (problems.length) throw rejected(problems, 'Some answers are not valid for this form version / 部分答案与表单版本不符');
    const facts = await this.calls.get(callId!);
    if (facts && !facts.legs.some((l) => l.agentId === agentId)) throw refuse('QA.AGENT_NOT_ON_CALL', 'agentId', `${agentId} did not take call ${callId} / 该坐席未接听此通话`);
    const evaluation: Evaluation = {
      evaluationId: randomUUID(), callId: callId!, agentId: agentId!, formId: form.formId, formVersion: form.version, evaluatorId,
      answers, result: scoreForm(form, answers), comment: comment ?? null, status: 'submitted', version: 1,
      createdAt: new Date(), releasedAt: null, acknowledgedAt: null,
    };
    await this.scope.run(async () => {
      if (!(await this.evaluations.insert(evaluation, 'submitted', evaluatorId))) {
        throw refuse('QA.CALL_ALREADY_EVALUATED', 'callId', `call ${callId} is already evaluated for ${agentId} / 该通话已质检`);
      }
      await this.events.publish(evaluation);
    });
    const { score, maxScore, percent, criticalFail } = evaluation.result;
    return { evaluationId: evaluation.evaluationId, score, maxScore, percent, criticalFail, status: 'submitted', version: 1 };
  }
}
