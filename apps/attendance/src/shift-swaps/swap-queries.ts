import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@app/auth';
import { actsAsAgentOnly } from '../http/actor';
import { SwapStore, type SwapRecord } from '../store/swap.store';

export type SwapView = SwapRecord & { payback: 'pending' | 'worked' | 'missed' };

@Injectable()
export class SwapQueries {
  constructor(private readonly swaps: SwapStore) {}

  /** Swaps with their status and whether the pay-back shift was worked (an agent sees only their own). */
  async list(user: AuthenticatedUser, agentId?: string): Promise<SwapView[]> {
    const swaps = await this.swaps.list(actsAsAgentOnly(user) ? (user.agentId ?? '-') : agentId);
    return swaps.map((s) => ({ ...s, payback: s.paybackWorked === null ? 'pending' : s.paybackWorked ? 'worked' : 'missed' }));
  }
}
