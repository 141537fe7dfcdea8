import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@app/auth';
import { TransactionScope } from '@app/persistence';
import { assertIsAgent } from '../access/agent-scope';
import { QaErrors } from '../qa-evaluation.errors';
import { EvaluationStore, type EvaluationStatus } from '../store/evaluation.store';

/** The agent acknowledges a released evaluation of their own (one not yet released does not exist for them). */
@Injectable()
export class AcknowledgeEvaluation {
  constructor(
    private readonly scope: TransactionScope,
    private readonly evaluations: EvaluationStore,
  ) {}

  execute(evaluationId: string, user: AuthenticatedUser): Promise<{ evaluationId: string; status: EvaluationStatus; version: number }> {
    return this.scope.run(async () => {
      const e = await this.evaluations.get(evaluationId, true);
      if (!e || e.status === 'submitted') throw QaErrors.evaluationNotFound();
      assertIsAgent(user, e.agentId);
      if (e.status !== 'released') throw QaErrors.wrongStatus(e.status, 'released');
      await this.evaluations.update({ ...e, status: 'acknowledged', acknowledgedAt: new Date() });
      return { evaluationId, status: 'acknowledged', version: e.version };
    });
  }
}
