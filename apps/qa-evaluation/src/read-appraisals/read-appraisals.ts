import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import type { Page } from '@app/platform';
import { agentFilterInTeams } from '../access/agent-scope';
import { isPeriod } from '../domain/appraisal/appraisal-calendar';
import { refuse } from '../qa-evaluation.errors';
import type { AgentMonthQuery } from '../paging/agent-month.query';
import { APPRAISAL_KEY, AppraisalStore, type Appraisal } from '../store/appraisal.store';
import { pageRequest } from '../store/keyset';

/** Appraisals, supervisor's and self, by month and agent (an agent: their own; a supervisor: their own teams' people). */
@Injectable()
export class ReadAppraisals {
  constructor(
    private readonly store: AppraisalStore,
    private readonly teams: TeamScope,
  ) {}

  /** A page by month, agent and kind (the people the caller may see, cut in the database). */
  async list(user: AuthenticatedUser, q: AgentMonthQuery): Promise<Page<Appraisal>> {
    const { period } = q;
    if (period !== undefined && !isPeriod(period)) throw refuse('QA.REQUEST_INVALID', 'period', 'a month yyyy-mm / 须为 yyyy-mm');
    const who = await agentFilterInTeams(this.teams, user, q.agentId);
    return this.store.page({ period, agentId: who, reach: await this.teams.reachOf(user) }, pageRequest(q, APPRAISAL_KEY));
  }
}
