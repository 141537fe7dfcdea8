import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@app/auth';
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
  constructor(private readonly rosters: RosterStore) {}

  /** A month of roster days (a team's, one agent's; an agent sees only their own). */
  async month(period: unknown, user: AuthenticatedUser, team?: string, agentId?: string): Promise<RosterDayView[]> {
    const { from, to } = periodParam(period);
    const days = await this.rosters.inPeriod(from, to, team, actsAsAgentOnly(user) ? (user.agentId ?? '-') : agentId);
    return days.map((d) => ({ agentId: d.agentId, date: d.date, shift: d.shift, swapId: d.swapId, closed: d.closed }));
  }
}
