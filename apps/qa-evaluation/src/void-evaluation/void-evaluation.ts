import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { TransactionScope } from '@app/persistence';
import { EvaluationEvents } from '../events/evaluation-events';
import { QaErrors } from '../qa-evaluation.errors';
import { EvaluationStore, type Evaluation, type EvaluationStatus } from '../store/evaluation.store';
import type { VoidEvaluationCommand } from './void-evaluation.command';

/** A voided evaluation no longer counts: revised with `voided: true` (history kept), and the call may be evaluated again. */
@Injectable()
export class VoidEvaluation {
  constructor(
    private readonly scope: TransactionScope,
    private readonly evaluations: EvaluationStore,
    private readonly events: EvaluationEvents,
    private readonly teams: TeamScope,
  ) {}

  execute(evaluationId: string, { reason }: VoidEvaluationCommand, actor: AuthenticatedUser): Promise<{ evaluationId: string; status: EvaluationStatus; version: number }> {
    const by = actor.sub;
    return this.scope.run(async () => {
      const e = await this.evaluations.get(evaluationId, true);
      if (!e) throw QaErrors.evaluationNotFound();
      await this.teams.assertReaches(actor, e.agentId);
      if (e.status === 'voided') throw QaErrors.wrongStatus(e.status, 'not voided');
      const next: Evaluation = { ...e, status: 'voided', version: e.version + 1 };
      await this.evaluations.update(next);
      await this.evaluations.addHistory(next, `voided: ${reason}`, by);
      await this.events.publish(next);
      return { evaluationId, status: next.status, version: next.version };
    });
  }
}
