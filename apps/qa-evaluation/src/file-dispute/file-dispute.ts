import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@app/auth';
import { TransactionScope } from '@app/persistence';
import { assertIsAgent } from '../access/agent-scope';
import { Clock } from '../clock/clock';
import { periodOf } from '../domain/appraisal/appraisal-calendar';
import { checkDispute } from '../domain/disputes/dispute-rules';
import { QaErrors, rejected } from '../qa-evaluation.errors';
import { DisputeStore, type Dispute } from '../store/dispute.store';
import { EvaluationStore } from '../store/evaluation.store';
import { QaPolicyStore } from '../store/qa-policy.store';
import type { FileDisputeCommand } from './file-dispute.command';

/** The agent disputes one item of their released evaluation, within the window and the monthly maximum (policy). */
@Injectable()
export class FileDispute {
  constructor(
    private readonly scope: TransactionScope,
    private readonly disputes: DisputeStore,
    private readonly evaluations: EvaluationStore,
    private readonly policy: QaPolicyStore,
    private readonly clock: Clock,
  ) {}

  async execute(evaluationId: string, { itemId, reason }: FileDisputeCommand, user: AuthenticatedUser) {
    const policy = await this.policy.current();
    const now = this.clock.now();
    return this.scope.run(async () => {
      const e = await this.evaluations.get(evaluationId, true);
      if (!e || e.status === 'submitted') throw QaErrors.evaluationNotFound();
      assertIsAgent(user, e.agentId);
      if (e.status === 'voided') throw QaErrors.wrongStatus(e.status, 'released');
      const period = periodOf(now, policy.timeZone);
      const open = (await this.disputes.forEvaluation(evaluationId)).filter((d) => d.status === 'open').map((d) => d.itemId);
      const problems = checkDispute(itemId, {
        releasedAt: e.releasedAt, now, filedThisMonth: await this.disputes.countFiled(e.agentId, period), itemIds: new Set(e.answers.map((a) => a.itemId)), openItemIds: new Set(open),
      }, policy);
      if (problems.length) throw rejected(problems);
      const d: Dispute = {
        disputeId: randomUUID(), evaluationId, agentId: e.agentId, itemId, reason, status: 'open', filedAt: now, filedPeriod: period,
        outcome: null, newValue: null, decisionReason: null, reviewerId: null, decidedAt: null,
      };
      await this.disputes.insert(d);
      return { disputeId: d.disputeId, evaluationId, itemId: d.itemId, status: d.status, filedAt: now.toISOString() };
    });
  }
}
