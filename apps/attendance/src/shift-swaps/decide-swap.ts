import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { TransactionScope } from '@app/persistence';
import { shiftSpan } from '../domain/days/shift-type';
import { checkSwap } from '../domain/swaps/swap-rules';
import { AttendancePolicyStore } from '../policy/attendance-policy.store';
import { BusinessLocks } from '../store/business-locks';
import { RosterStore } from '../store/roster.store';
import { ShiftTypeStore } from '../store/shift-type.store';
import { SwapStore, type SwapRecord } from '../store/swap.store';
import { assertStatus, loadSwap } from './consent-swap';
import type { DecideSwapCommand } from './decide-swap.command';
import { SwapContextLoader } from './swap-context.loader';
import { swapRefused } from './swap-refused';

/**
 * A supervisor approves or rejects a consented swap. Approval checks every rule again (things may
 * have moved since the request) and only then changes both rosters, marking the days with the swap.
 */
@Injectable()
export class DecideSwap {
  constructor(
    private readonly scope: TransactionScope,
    private readonly swaps: SwapStore,
    private readonly rosters: RosterStore,
    private readonly types: ShiftTypeStore,
    private readonly context: SwapContextLoader,
    private readonly policy: AttendancePolicyStore,
    private readonly locks: BusinessLocks,
    private readonly teams: TeamScope,
  ) {}

  /** Approval changes both people's rosters: the supervisor must lead the teams of both. */
  async execute(swapId: string, decision: DecideSwapCommand, user: AuthenticatedUser): Promise<{ swapId: string; status: SwapRecord['status'] }> {
    const by = user.sub;
    const policy = (await this.policy.current()).values;
    return this.scope.run(async () => {
      const swap = await loadSwap(this.swaps, swapId);
      await this.teams.assertReaches(user, [swap.requesterId, swap.counterpartId]);
      assertStatus(swap, 'consented');
      if (!decision.approve) {
        await this.swaps.setStatus(swapId, 'rejected', by);
        return { swapId, status: 'rejected' as const };
      }
      await this.locks.lock([`agent:${swap.requesterId}`, `agent:${swap.counterpartId}`]);
      const ctx = await this.context.load(swap);
      const refusals = checkSwap(swap, ctx, policy);
      if (refusals.length) throw swapRefused(refusals);
      const types = await this.types.all();
      const handed = ctx.rosters.get(swap.requesterId)!.get(swap.date)!;
      const paidBack = ctx.rosters.get(swap.counterpartId)!.get(swap.paybackDate)!;
      await this.rosters.remove([{ agentId: swap.requesterId, date: swap.date }, { agentId: swap.counterpartId, date: swap.paybackDate }]);
      await this.rosters.put([
        { agentId: swap.counterpartId, date: swap.date, shift: handed, swapId, span: shiftSpan(swap.date, types.get(handed)!, policy) },
        { agentId: swap.requesterId, date: swap.paybackDate, shift: paidBack, swapId, span: shiftSpan(swap.paybackDate, types.get(paidBack)!, policy) },
      ]);
      await this.swaps.setStatus(swapId, 'approved', by);
      return { swapId, status: 'approved' as const };
    });
  }
}
