import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { QaErrors } from '../qa-evaluation.errors';
import { EvaluationStore, type EvaluationStatus } from '../store/evaluation.store';

/**
 * QA shows a submitted evaluation to its agent: from now the agent sees it and the dispute window
 * runs. No figure changes, so nothing is published (a change of figures is a revision).
 */
@Injectable()
export class ReleaseEvaluation {
  constructor(
    private readonly scope: TransactionScope,
    private readonly evaluations: EvaluationStore,
  ) {}

  execute(evaluationId: string): Promise<{ evaluationId: string; status: EvaluationStatus; version: number }> {
    return this.scope.run(async () => {
      const e = await this.evaluations.get(evaluationId, true);
      if (!e) throw QaErrors.evaluationNotFound();
      if (e.status !== 'submitted') throw QaErrors.wrongStatus(e.status, 'submitted');
      await this.evaluations.update({ ...e, status: 'released', releasedAt: new Date() });
      return { evaluationId, status: 'released', version: e.version };
    });
  }
}
