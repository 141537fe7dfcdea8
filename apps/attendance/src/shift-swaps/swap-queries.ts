import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { actsAsAgentOnly } from '../http/actor';
import { SwapStore, type SwapRecord } from '../store/swap.store';

export type SwapView = SwapRecord & { payback: 'pending' | 'worked' | 'missed' };

@Injectable()
export class SwapQueries {
  constructor(
    private readonly swaps: SwapStore,
    private readonly teams: TeamScope,
  ) {}

  /**
   * Swaps with their status and whether the pay-back shift was worked (an agent sees only their own; a supervisor
   * those with someone of their teams on either side).
   */
  async list(user: AuthenticatedUser, agentId?: string): Promise<SwapView[]> {
    if (agentId !== undefined && !actsAsAgentOnly(user)) await this.teams.assertReaches(user, agentId);
    const all = await this.swaps.list(actsAsAgentOnly(user) ? (user.agentId ?? '-') : agentId);
    const swaps = await this.teams.filter(user, all, (s) => [s.requesterId, s.counterpartId]);
    return swaps.map((s) => ({ ...s, payback: s.paybackWorked === null ? 'pending' : s.paybackWorked ? 'worked' : 'missed' }));
  }
}
