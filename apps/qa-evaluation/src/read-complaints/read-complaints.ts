import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { agentFilterInTeams, assertOwnIfAgent } from '../access/agent-scope';
import { PeriodWindow } from '../periods/period-window';
import { QaErrors } from '../qa-evaluation.errors';
import { ComplaintStore } from '../store/complaint.store';

/**
 * Complaints as each role may see them (an agent: those attributed to them; a supervisor or QA inspector: those
 * about their own teams' people, and those about nobody yet) and the monthly statistics (centre-wide counts).
 */
@Injectable()
export class ReadComplaints {
  constructor(
    private readonly store: ComplaintStore,
    private readonly periods: PeriodWindow,
    private readonly teams: TeamScope,
  ) {}

  async list(user: AuthenticatedUser, agentId?: string, period?: string) {
    const who = await agentFilterInTeams(this.teams, user, agentId);
    return this.teams.filter(user, await this.store.list({ agentId: who, ...(await this.periods.of(period)) }), (c) => c.agentId, { keepUnattributed: true });
  }

  async get(user: AuthenticatedUser, id: string) {
    const c = await this.store.get(id);
    if (!c) throw QaErrors.complaintNotFound();
    assertOwnIfAgent(user, c.agentId);
    if (c.agentId !== null) await this.teams.assertReaches(user, c.agentId);
    return c;
  }

  /** Judged complaints of a month by category; `valid` is what counts against agents. */
  async stats(period: string | undefined) {
    const w = await this.periods.of(period, true);
    return { period, categories: await this.store.stats(w.from!, w.to!) };
  }
}
