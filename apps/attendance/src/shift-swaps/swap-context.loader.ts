import { Injectable } from '@nestjs/common';
import type { SwapContext, SwapRequest } from '../domain/swaps/swap-rules';
import { addDays } from '../domain/days/local-time';
import { HolidayStore } from '../store/holiday.store';
import { LeaveStore } from '../store/leave.store';
import { RosterStore } from '../store/roster.store';
import { ShiftTypeStore } from '../store/shift-type.store';
import { SwapStore } from '../store/swap.store';
import { inTurn } from '@app/persistence';

/** Everything the swap rules look at, for both people around both days. */
@Injectable()
export class SwapContextLoader {
  constructor(
    private readonly rosters: RosterStore,
    private readonly types: ShiftTypeStore,
    private readonly swaps: SwapStore,
    private readonly leaves: LeaveStore,
    private readonly holidays: HolidayStore,
  ) {}

  async load(s: SwapRequest): Promise<SwapContext> {
    const people = [s.requesterId, s.counterpartId];
    const [first, last] = [s.date, s.paybackDate].sort();
    const [days, shiftTypes, swaps, leaves, holidays] = await inTurn(
      () => this.rosters.ofAgents(people, addDays(first, -2), addDays(last, 2)),
      () => this.types.all(),
      () => this.swaps.liveOf(people),
      () => this.leaves.overlapping(people, first, last, ['requested', 'approved']),
      () => this.holidays.between(first, last),
    );
    const rosters = new Map<string, Map<string, string>>(people.map((p) => [p, new Map()]));
    const closedDays = new Set<string>();
    for (const d of days) {
      if (d.span) rosters.get(d.agentId)!.set(d.date, d.shift);
      if (d.closed) closedDays.add(`${d.agentId}@${d.date}`);
    }
    const duty = new Map<string, Set<string>>();
    for (const h of holidays.values()) {
      for (const a of h.dutyAgentIds) {
        if (!duty.has(a)) duty.set(a, new Set());
        duty.get(a)!.add(h.date);
      }
    }
    return { rosters, shiftTypes, otherSwaps: swaps.filter((o) => o.swapId !== s.swapId), leaves, duty, closedDays };
  }
}
