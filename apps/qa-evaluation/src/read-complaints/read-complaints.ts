import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@app/auth';
import { agentFilterFor, assertOwnIfAgent } from '../access/agent-scope';
import { PeriodWindow } from '../periods/period-window';
import { QaErrors } from '../qa-evaluation.errors';
import { ComplaintStore } from '../store/complaint.store';

/** Complaints as each role may see them (an agent: those attributed to them) and the monthly statistics. */
@Injectable()
export class ReadComplaints {
  constructor(
    private readonly store: ComplaintStore,
    private readonly periods: PeriodWindow,
  ) {}

  async list(user: AuthenticatedUser, agentId?: string, period?: string) {
    return this.store.list({ agentId: agentFilterFor(user, agentId), ...(await this.periods.of(period)) });
  }

  async get(user: AuthenticatedUser, id: string) {
    const c = await this.store.get(id);
    if (!c) throw QaErrors.complaintNotFound();
    assertOwnIfAgent(user, c.agentId);
    return c;
  }

  /** Judged complaints of a month by category; `valid` is what counts against agents. */
  async stats(period: string | undefined) {
    const w = await this.periods.of(period, true);
    return { period, categories: await this.store.stats(w.from!, w.to!) };
  }
}
