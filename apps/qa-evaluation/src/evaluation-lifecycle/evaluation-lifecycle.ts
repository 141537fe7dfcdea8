import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@app/auth';
import { TransactionScope } from '@app/persistence';
import { assertIsAgent } from '../access/agent-scope';
import { Fields } from '../domain/validation/fields';
import { EvaluationEvents } from '../events/evaluation-events';
import { QaErrors, rejected } from '../qa-evaluation.errors';
import { EvaluationStore, type Evaluation } from '../store/evaluation.store';

/**
 * submitted → released (QA shows it to the agent) → acknowledged (the agent has read it). These
 * change no figure, so they publish nothing; a figure change is a revision (disputes, voiding).
 */
@Injectable()
export class EvaluationLifecycle {
  constructor(
    private readonly scope: TransactionScope,
    private readonly evaluations: EvaluationStore,
    private readonly events: EvaluationEvents,
  ) {}

  /** A voided evaluation no longer counts: revised with `voided: true`, and the call may be evaluated again. */
  void(evaluationId: string, body: unknown, by: string): Promise<Evaluation> {
    const f = new Fields(body);
    f.only(['reason']);
    const reason = f.string('reason', { max: 4000 });
    if (f.problems.length) throw rejected(f.problems);
    return this.scope.run(async () => {
      const e = await this.load(evaluationId);
      if (e.status === 'voided') throw QaErrors.wrongStatus(e.status, 'not voided');
      const next: Evaluation = { ...e, status: 'voided', version: e.version + 1 };
      await this.evaluations.update(next);
      await this.evaluations.addHistory(next, `voided: ${reason}`, by);
      await this.events.publish(next);
      return next;
    });
  }

  release(evaluationId: string): Promise<Evaluation> {
    return this.scope.run(async () => {
      const e = await this.load(evaluationId);
      if (e.status !== 'submitted') throw QaErrors.wrongStatus(e.status, 'submitted');
      const next = { ...e, status: 'released' as const, releasedAt: new Date() };
      await this.evaluations.update(next);
      return next;
    });
  }

  acknowledge(evaluationId: string, user: AuthenticatedUser): Promise<Evaluation> {
    return this.scope.run(async () => {
      const e = await this.load(evaluationId);
      if (e.status === 'submitted') throw QaErrors.evaluationNotFound(); // not yet visible to the agent
      assertIsAgent(user, e.agentId);
      if (e.status !== 'released') throw QaErrors.wrongStatus(e.status, 'released');
      const next = { ...e, status: 'acknowledged' as const, acknowledgedAt: new Date() };
      await this.evaluations.update(next);
      return next;
    });
  }

  private async load(id: string): Promise<Evaluation> {
    const e = await this.evaluations.get(id, true);
    if (!e) throw QaErrors.evaluationNotFound();
    return e;
  }
}
