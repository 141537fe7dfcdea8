import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { cursorKey, limitOf, mapPage, pageOf, type Page } from '@app/platform';
import { actsAsAgentOnly } from '../http/actor';
import { reachFilter } from '../store/reach';
import { SwapStore, type SwapRecord } from '../store/swap.store';
import type { SwapListQuery } from './swap-list.query';

export type SwapView = SwapRecord & { payback: 'pending' | 'worked' | 'missed' };

@Injectable()
export class SwapQueries {
  constructor(
    private readonly swaps: SwapStore,
    private readonly teams: TeamScope,
  ) {}

  /**
   * A page of swaps by (date, swapId) with their status and whether the pay-back shift was worked (an agent sees
   * only their own; a supervisor those with someone of their teams on either side).
   */
  async list(user: AuthenticatedUser, q: SwapListQuery): Promise<Page<SwapView>> {
    if (q.agentId !== undefined && !actsAsAgentOnly(user)) await this.teams.assertReaches(user, q.agentId);
    const limit = limitOf(q);
    const key = cursorKey(q, ['date', 'string']) as [string, string] | undefined;
    const reach = reachFilter(await this.teams.reachOf(user));
    const agentId = actsAsAgentOnly(user) ? (user.agentId ?? '-') : q.agentId;
    const rows = await this.swaps.page({ agentId, reach, after: key && { date: key[0], swapId: key[1] }, take: limit + 1 });
    return mapPage(pageOf(rows, limit, (s) => [s.date, s.swapId]), (s) => ({ ...s, payback: s.paybackWorked === null ? 'pending' : s.paybackWorked ? 'worked' : 'missed' }));
  }
}
