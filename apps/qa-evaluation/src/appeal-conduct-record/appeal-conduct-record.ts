import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@app/auth';
import { TransactionScope } from '@app/persistence';
import { assertIsAgent } from '../access/agent-scope';
import { Clock } from '../clock/clock';
import { checkAppeal } from '../domain/conduct/appeal-rules';
import { QaErrors, refuse, rejected } from '../qa-evaluation.errors';
import { ConductStore } from '../store/conduct.store';
import { QaPolicyStore } from '../store/qa-policy.store';
import type { AppealConductRecordCommand } from './appeal-conduct-record.command';

/** The agent appeals their own record to hr within the policy window (`domain/conduct/appeal-rules.ts`, rules.md §9); once per record. */
@Injectable()
export class AppealConductRecord {
  constructor(
    private readonly scope: TransactionScope,
    private readonly store: ConductStore,
    private readonly policy: QaPolicyStore,
    private readonly clock: Clock,
  ) {}

  async execute(recordId: string, { reason }: AppealConductRecordCommand, user: AuthenticatedUser) {
    const policy = await this.policy.current();
    return this.scope.run(async () => {
      const r = await this.store.get(recordId, true);
      if (!r) throw QaErrors.recordNotFound();
      assertIsAgent(user, r.agentId);
      const now = this.clock.now();
      const problems = checkAppeal(r, now, policy);
      if (problems.length) throw rejected(problems);
      if (!(await this.store.fileAppeal({ recordId, agentId: r.agentId, reason, status: 'pending', filedAt: now, decidedBy: null, decisionReason: null, decidedAt: null }))) {
        throw refuse('QA.APPEAL_EXISTS', 'recordId', 'this record has already been appealed / 该记录已申诉');
      }
      return { recordId, status: 'pending', filedAt: now.toISOString() };
    });
  }
}
