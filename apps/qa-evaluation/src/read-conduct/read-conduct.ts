import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { mapPage } from '@app/platform';
import { agentFilterInTeams, assertOwnIfAgent } from '../access/agent-scope';
import type { AgentMonthQuery } from '../paging/agent-month.query';
import { PeriodWindow } from '../periods/period-window';
import { QaErrors } from '../qa-evaluation.errors';
import { CONDUCT_KEY, ConductStore, type ConductRecord } from '../store/conduct.store';
import { pageRequest } from '../store/keyset';

const view = ({ amountFen, ...r }: ConductRecord) => ({ ...r, amount: amountFen / 100 });

@Injectable()
export class ReadConduct {
  constructor(
    private readonly store: ConductStore,
    private readonly periods: PeriodWindow,
    private readonly teams: TeamScope,
  ) {}

  /**
   * A page of records by agent and month in order of occurrence (an agent: their own; a supervisor or QA inspector:
   * their own teams' people, cut in the database).
   */
  async list(user: AuthenticatedUser, q: AgentMonthQuery) {
    const who = await agentFilterInTeams(this.teams, user, q.agentId);
    const window = await this.periods.of(q.period);
    return mapPage(await this.store.page({ agentId: who, ...window, reach: await this.teams.reachOf(user) }, pageRequest(q, CONDUCT_KEY)), view);
  }

  async get(user: AuthenticatedUser, id: string) {
    const r = await this.store.get(id);
    if (!r) throw QaErrors.recordNotFound();
    assertOwnIfAgent(user, r.agentId);
    await this.teams.assertReaches(user, r.agentId);
    return { ...view(r), appeal: await this.store.appeal(id) };
  }
}
