import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { agentFilterInTeams, assertOwnIfAgent } from '../access/agent-scope';
import { PeriodWindow } from '../periods/period-window';
import { QaErrors } from '../qa-evaluation.errors';
import { ConductStore, type ConductRecord } from '../store/conduct.store';

const view = ({ amountFen, ...r }: ConductRecord) => ({ ...r, amount: amountFen / 100 });

@Injectable()
export class ReadConduct {
  constructor(
    private readonly store: ConductStore,
    private readonly periods: PeriodWindow,
    private readonly teams: TeamScope,
  ) {}

  /** Records by agent and month (an agent: their own; a supervisor or QA inspector: their own teams' people). */
  async list(user: AuthenticatedUser, agentId: string | undefined, period: string | undefined) {
    const who = await agentFilterInTeams(this.teams, user, agentId);
    return (await this.teams.filter(user, await this.store.list({ agentId: who, ...(await this.periods.of(period)) }), (r) => r.agentId)).map(view);
  }

  async get(user: AuthenticatedUser, id: string) {
    const r = await this.store.get(id);
    if (!r) throw QaErrors.recordNotFound();
    assertOwnIfAgent(user, r.agentId);
    await this.teams.assertReaches(user, r.agentId);
    return { ...view(r), appeal: await this.store.appeal(id) };
  }
}
