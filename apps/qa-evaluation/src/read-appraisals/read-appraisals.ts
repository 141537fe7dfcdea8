import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@app/auth';
import { agentFilterFor } from '../access/agent-scope';
import { isPeriod } from '../domain/appraisal/appraisal-calendar';
import { refuse } from '../qa-evaluation.errors';
import { AppraisalStore, type Appraisal } from '../store/appraisal.store';

/** Appraisals, supervisor's and self, by month and agent (an agent: their own). */
@Injectable()
export class ReadAppraisals {
  constructor(private readonly store: AppraisalStore) {}

  list(user: AuthenticatedUser, period?: string, agentId?: string): Promise<Appraisal[]> {
    if (period !== undefined && !isPeriod(period)) throw refuse('QA.REQUEST_INVALID', 'period', 'a month yyyy-mm / 须为 yyyy-mm');
    return this.store.list({ period, agentId: agentFilterFor(user, agentId) });
  }
}
