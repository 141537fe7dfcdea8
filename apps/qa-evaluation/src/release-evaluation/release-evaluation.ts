import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
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
    private readonly teams: TeamScope,
  ) {}

  execute(evaluationId: string, by: AuthenticatedUser): Promise<{ evaluationId: string; status: EvaluationStatus; version: number }> {
    return this.scope.run(async () => {
      const e = await this.evaluations.get(evaluationId, true);
      if (!e) throw QaErrors.evaluationNotFound();
      await this.teams.assertReaches(by, e.agentId);
      if (e.status !== 'submitted') throw QaErrors.wrongStatus(e.status, 'submitted');
      await this.evaluations.update({ ...e, status: 'released', releasedAt: new Date() });
      return { evaluationId, status: 'released', version: e.version };
    });
  }
}
