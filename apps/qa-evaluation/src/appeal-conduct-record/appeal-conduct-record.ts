import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@app/auth';
import { TransactionScope } from '@app/persistence';
import { assertIsAgent } from '../access/agent-scope';
import { Clock } from '../clock/clock';
import { QaErrors, refuse } from '../qa-evaluation.errors';
import { ConductStore } from '../store/conduct.store';
import { QaPolicyStore } from '../store/qa-policy.store';
import type { AppealConductRecordCommand } from './appeal-conduct-record.command';

const DAY_MS = 86_400_000;

/** The agent appeals their own record to hr within the policy window (rules.md §9); once per record. */
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
      if (r.status === 'voided') throw refuse('QA.RECORD_VOIDED', 'recordId', 'the record is already void / 该记录已作废');
      const now = this.clock.now();
      if (now.getTime() > r.createdAt.getTime() + policy.appeals.windowDays * DAY_MS) {
        throw refuse('QA.APPEAL_WINDOW_CLOSED', 'recordId', `appeals are taken within ${policy.appeals.windowDays} days of the record / 申诉须在记录后 ${policy.appeals.windowDays} 天内提出`);
      }
      if (!(await this.store.fileAppeal({ recordId, agentId: r.agentId, reason, status: 'pending', filedAt: now, decidedBy: null, decisionReason: null, decidedAt: null }))) {
        throw refuse('QA.APPEAL_EXISTS', 'recordId', 'this record has already been appealed / 该记录已申诉');
      }
      return { recordId, status: 'pending', filedAt: now.toISOString() };
    });
  }
}
