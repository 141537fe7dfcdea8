import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { cursorKey, limitOf, mapPage, pageOf, type Page } from '@app/platform';
import { actsAsAgentOnly } from '../http/actor';
import { periodParam } from '../http/period';
import { reachFilter } from '../store/reach';
import { RosterStore } from '../store/roster.store';
import type { RosterListQuery } from './roster-list.query';

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

  /** A page of a month's roster days (a team's, one agent's; an agent sees only their own, a supervisor their teams'). */
  async month(q: RosterListQuery, user: AuthenticatedUser): Promise<Page<RosterDayView>> {
    const { from, to } = periodParam(q.period);
    const limit = limitOf(q);
    const key = cursorKey(q, ['string', 'date']) as [string, string] | undefined;
    const who = actsAsAgentOnly(user) ? (user.agentId ?? '-') : q.agentId;
    if (who !== undefined && !actsAsAgentOnly(user)) await this.teams.assertReaches(user, who);
    const reach = reachFilter(await this.teams.reachOf(user));
    const after = key && { agentId: key[0], date: key[1] };
    const days = await this.rosters.page({ from, to, team: q.team, agentId: who, reach, after, take: limit + 1 });
    return mapPage(pageOf(days, limit, (d) => [d.agentId, d.date]), (d) => ({ agentId: d.agentId, date: d.date, shift: d.shift, swapId: d.swapId, closed: d.closed }));
  }
}
