import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { checkAnswers } from '../domain/forms/check-answers';
import { scoreForm } from '../domain/forms/score-form';
import { QaErrors, refuse, rejected } from '../qa-evaluation.errors';
import { CalibrationStore } from '../store/calibration.store';
import { FormStore } from '../store/form.store';
import type { ScoreCalibrationCommand } from './score-calibration.command';

/**
 * An evaluator of the session (or its expert) scores the call; a second scoring replaces the first.
 * Calibration scores are practice: never evaluations, nothing is published.
 */
@Injectable()
export class ScoreCalibration {
  constructor(
    private readonly scope: TransactionScope,
    private readonly store: CalibrationStore,
    private readonly forms: FormStore,
  ) {}

  async execute(sessionId: string, cmd: ScoreCalibrationCommand, evaluatorId: string) {
    const session = await this.store.get(sessionId);
    if (!session) throw QaErrors.sessionNotFound();
    if (!session.evaluatorIds.includes(evaluatorId) && session.expertId !== evaluatorId) {
      throw refuse('QA.NOT_IN_CALIBRATION', 'evaluatorId', 'you are not an evaluator of this session / 你不是本次校准的质检员');
    }
    const form = (await this.forms.get(session.formId, session.formVersion))!;
    const { answers, problems } = checkAnswers(form, cmd.answers);
    if (problems.length) throw rejected(problems);
    const result = scoreForm(form, answers);
    await this.scope.run(() => this.store.score(sessionId, { evaluatorId, answers, result, submittedAt: new Date() }));
    return { sessionId, evaluatorId, score: result.score, maxScore: result.maxScore, percent: result.percent };
  }
}
