import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { OutsideTeamError, TeamScope, type AuthenticatedUser } from '@app/auth';
import { checkAnswers } from '../domain/forms/check-answers';
import { scoreForm } from '../domain/forms/score-form';
import { EvaluationEvents } from '../events/evaluation-events';
import { QaErrors, refuse, rejected } from '../qa-evaluation.errors';
import { callerReachOf } from '../store/caller-reach';
import { EvaluationStore, type Evaluation } from '../store/evaluation.store';
import { FormStore } from '../store/form.store';
import type { SubmitEvaluationCommand } from './submit-evaluation.command';

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
 * evaluation and publishes `qa.evaluation.finalized` in one transaction — one statement, the only
 * round trip of a submission (the form version comes from FormStore's cache).
 */
@Injectable()
export class SubmitEvaluation {
  constructor(
    private readonly forms: FormStore,
    private readonly evaluations: EvaluationStore,
    private readonly events: EvaluationEvents,
    private readonly teams: TeamScope,
  ) {}

  /** `evaluator`: a QA inspector, who scores the calls of their own teams' people. */
  async execute(cmd: SubmitEvaluationCommand, evaluator: AuthenticatedUser): Promise<SubmitEvaluationResult> {
    const evaluatorId = evaluator.sub;
    const { callId, agentId, formId, formVersion, comment } = cmd;
    const form = await this.forms.get(formId, formVersion); // a published version from the cache after its first use
    const checked = form && form.status === 'published' && form.purpose === 'call' ? checkAnswers(form, cmd.answers) : null;
    if (!form || !checked || checked.problems.length) {
      // Refused before anything is written: team scope answers first, as it always has.
      await this.teams.assertReaches(evaluator, agentId);
      if (!form || !checked) {
        const formExists = form !== null || (await this.forms.get(formId, 1)) !== null;
        throw QaErrors.unknownFormVersion(formExists && form?.purpose !== 'appraisal' ? 'formVersion' : 'formId');
      }
      throw rejected(checked.problems, 'Some answers are not valid for this form version / 部分答案与表单版本不符');
    }
    const evaluation: Evaluation = {
      evaluationId: randomUUID(), callId, agentId, formId: form.formId, formVersion: form.version, evaluatorId,
      answers: checked.answers, result: scoreForm(form, checked.answers), comment: comment ?? null, status: 'submitted', version: 1,
      createdAt: new Date(), releasedAt: null, acknowledgedAt: null,
    };
    // One round trip: team scope, the call's facts, the rows and the event in one statement (the store says which
    // check refused it, in the order they were always answered).
    const outcome = await this.evaluations.submit(evaluation, callerReachOf(evaluator), [this.events.message(evaluation)]);
    if (outcome === 'outside-team') {
      await this.teams.assertReaches(evaluator, agentId); // TeamScope's own refusal (the directory may have just changed)
      throw new OutsideTeamError([agentId]);
    }
    if (outcome === 'agent-not-on-call') throw refuse('QA.AGENT_NOT_ON_CALL', 'agentId', `${agentId} did not take call ${callId} / 该坐席未接听此通话`);
    if (outcome === 'already-evaluated') throw refuse('QA.CALL_ALREADY_EVALUATED', 'callId', `call ${callId} is already evaluated for ${agentId} / 该通话已质检`);
    const { score, maxScore, percent, criticalFail } = evaluation.result;
    return { evaluationId: evaluation.evaluationId, score, maxScore, percent, criticalFail, status: 'submitted', version: 1 };
  }
}
