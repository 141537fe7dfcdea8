import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { agentFilterInTeams } from '../access/agent-scope';
import { isPeriod } from '../domain/appraisal/appraisal-calendar';
import { refuse } from '../qa-evaluation.errors';
import { AppraisalStore, type Appraisal } from '../store/appraisal.store';

/** Appraisals, supervisor's and self, by month and agent (an agent: their own; a supervisor: their own teams' people). */
@Injectable()
export class ReadAppraisals {
  constructor(
    private readonly store: AppraisalStore,
    private readonly teams: TeamScope,
  ) {}

  async list(user: AuthenticatedUser, period?: string, agentId?: string): Promise<Appraisal[]> {
    if (period !== undefined && !isPeriod(period)) throw refuse('QA.REQUEST_INVALID', 'period', 'a month yyyy-mm / 须为 yyyy-mm');
    const who = await agentFilterInTeams(this.teams, user, agentId);
    return this.teams.filter(user, await this.store.list({ period, agentId: who }), (a) => a.agentId);
  }
}
