import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import type { Page } from '@app/platform';
import { agentFilterInTeams, assertOwnIfAgent } from '../access/agent-scope';
import type { AgentMonthQuery } from '../paging/agent-month.query';
import { PeriodWindow } from '../periods/period-window';
import { QaErrors } from '../qa-evaluation.errors';
import { COMPLAINT_KEY, ComplaintStore, type Complaint } from '../store/complaint.store';
import { pageRequest } from '../store/keyset';

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

  /** A page of complaints by agent and month in order of receipt, as the caller may see them (cut in the database). */
  async list(user: AuthenticatedUser, q: AgentMonthQuery): Promise<Page<Complaint>> {
    const who = await agentFilterInTeams(this.teams, user, q.agentId);
    const window = await this.periods.of(q.period);
    return this.store.page({ agentId: who, ...window, reach: await this.teams.reachOf(user) }, pageRequest(q, COMPLAINT_KEY));
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
