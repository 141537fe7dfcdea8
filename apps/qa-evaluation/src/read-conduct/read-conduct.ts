import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@app/auth';
import { agentFilterFor, assertOwnIfAgent } from '../access/agent-scope';
import { isPeriod, periodBounds } from '../domain/appraisal/appraisal-calendar';
import { QaPolicyStore } from '../store/qa-policy.store';
import { QaErrors, refuse } from '../qa-evaluation.errors';
import { ConductStore, type ConductRecord } from '../store/conduct.store';

const view = ({ amountFen, ...r }: ConductRecord) => ({ ...r, amount: amountFen / 100 });

@Injectable()
export class ReadConduct {
  constructor(
    private readonly store: ConductStore,
    private readonly policy: QaPolicyStore,
  ) {}

  async list(user: AuthenticatedUser, agentId: string | undefined, period: string | undefined) {
    const who = agentFilterFor(user, agentId);
    let window = {};
    if (period !== undefined) {
      if (!isPeriod(period)) throw refuse('QA.REQUEST_INVALID', 'period', 'a month yyyy-mm / 须为 yyyy-mm');
      const b = periodBounds(period, (await this.policy.current()).timeZone);
      window = { from: b.start.toJSDate(), to: b.end.toJSDate() };
    }
    return (await this.store.list({ agentId: who, ...window })).map(view);
  }

  async get(user: AuthenticatedUser, id: string) {
    const r = await this.store.get(id);
    if (!r) throw QaErrors.recordNotFound();
    assertOwnIfAgent(user, r.agentId);
    return { ...view(r), appeal: await this.store.appeal(id) };
  }
}
