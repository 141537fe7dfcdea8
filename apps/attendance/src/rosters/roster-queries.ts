import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { actsAsAgentOnly } from '../http/actor';
import { periodParam } from '../http/period';
import { RosterStore } from '../store/roster.store';

export interface RosterDayView {
  agentId: string;
  date: string;
  shift: string;
  swapId: string | null;
  closed: boolean;
}

@Injectable()
export class RosterQueries {
  constructor(
    private readonly rosters: RosterStore,
    private readonly teams: TeamScope,
  ) {}

  /** A month of roster days (a team's, one agent's; an agent sees only their own, a supervisor their teams'). */
  async month(period: unknown, user: AuthenticatedUser, team?: string, agentId?: string): Promise<RosterDayView[]> {
    const { from, to } = periodParam(period);
    const who = actsAsAgentOnly(user) ? (user.agentId ?? '-') : agentId;
    if (who !== undefined && !actsAsAgentOnly(user)) await this.teams.assertReaches(user, who);
    const days = await this.teams.filter(user, await this.rosters.inPeriod(from, to, team, who), (d) => d.agentId);
    return days.map((d) => ({ agentId: d.agentId, date: d.date, shift: d.shift, swapId: d.swapId, closed: d.closed }));
  }
}
