import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@app/auth';
import { TransactionScope } from '@app/persistence';
import { attendanceError } from '../attendance.errors';
import { SwapStore, type SwapRecord } from '../store/swap.store';

/** The counterpart agrees (rules.md §2: both people agree before a manager approves). */
@Injectable()
export class ConsentSwap {
  constructor(
    private readonly scope: TransactionScope,
    private readonly swaps: SwapStore,
  ) {}

  execute(swapId: string, user: AuthenticatedUser): Promise<{ swapId: string; status: 'consented' }> {
    return this.scope.run(async () => {
      const swap = await loadSwap(this.swaps, swapId);
      if (user.agentId !== swap.counterpartId) {
        throw attendanceError('ATTENDANCE.NOT_THE_COUNTERPART', `Only ${swap.counterpartId} can agree to this swap / 仅换班对象可同意`, [{ path: 'swapId', message: 'not your swap' }]);
      }
      assertStatus(swap, 'requested');
      await this.swaps.setStatus(swapId, 'consented', user.sub);
      return { swapId, status: 'consented' as const };
    });
  }
}

export async function loadSwap(swaps: SwapStore, swapId: string): Promise<SwapRecord> {
  const swap = await swaps.get(swapId, true);
  if (!swap) throw attendanceError('ATTENDANCE.SWAP_NOT_FOUND', `No swap ${swapId} / 无此换班`, [{ path: 'swapId', message: 'unknown' }]);
  return swap;
}

export function assertStatus(swap: SwapRecord, expected: SwapRecord['status']): void {
  if (swap.status !== expected) {
    throw attendanceError('ATTENDANCE.SWAP_WRONG_STATE', `Swap ${swap.swapId} is ${swap.status}, not ${expected} / 换班状态不符`, [{ path: 'swapId', message: swap.status }]);
  }
}
