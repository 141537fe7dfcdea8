import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@app/auth';
import { agentFilterFor, assertOwnIfAgent } from '../access/agent-scope';
import { PeriodWindow } from '../periods/period-window';
import { QaErrors } from '../qa-evaluation.errors';
import { ConductStore, type ConductRecord } from '../store/conduct.store';

const view = ({ amountFen, ...r }: ConductRecord) => ({ ...r, amount: amountFen / 100 });

@Injectable()
export class ReadConduct {
  constructor(
    private readonly store: ConductStore,
    private readonly periods: PeriodWindow,
  ) {}

  async list(user: AuthenticatedUser, agentId: string | undefined, period: string | undefined) {
    const who = agentFilterFor(user, agentId);
    return (await this.store.list({ agentId: who, ...(await this.periods.of(period)) })).map(view);
  }

  async get(user: AuthenticatedUser, id: string) {
    const r = await this.store.get(id);
    if (!r) throw QaErrors.recordNotFound();
    assertOwnIfAgent(user, r.agentId);
    return { ...view(r), appeal: await this.store.appeal(id) };
  }
}
