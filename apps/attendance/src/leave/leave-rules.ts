import { Injectable } from '@nestjs/common';
import { attendanceError } from '../attendance.errors';
import { leaveRefusal } from '../domain/leave/leave-refusal';
import { HolidayStore } from '../store/holiday.store';
import { RosterStore } from '../store/roster.store';
import { SwapStore } from '../store/swap.store';
import { inTurn } from '@app/persistence';

/**
 * rules.md §2 for leave (the rule: domain/leave/leave-refusal.ts), checked when leave is requested and again
 * when it is approved.
 */
@Injectable()
export class LeaveRules {
  constructor(
    private readonly rosters: RosterStore,
    private readonly swaps: SwapStore,
    private readonly holidays: HolidayStore,
  ) {}

  async assertAllowed(agentId: string, from: string, to: string): Promise<void> {
    const [swaps, roster, holidays] = await inTurn(
      () => this.swaps.liveOf([agentId]),
      () => this.rosters.ofAgents([agentId], from, to),
      () => this.holidays.between(from, to),
    );
    const refusal = leaveRefusal(agentId, from, to, { swaps, roster, holidays: [...holidays.values()] });
    if (refusal?.code === 'ATTENDANCE.LEAVE_ON_SWAP_DAY') {
      const { date, swapId } = refusal;
      throw attendanceError('ATTENDANCE.LEAVE_ON_SWAP_DAY', `No leave on a swap or pay-back day: ${date} (swap ${swapId}) / 换班日或还班日不得请假`, [
        { path: 'from', message: `${date} is a swap or pay-back day` },
      ]);
    }
    if (refusal?.code === 'ATTENDANCE.HOLIDAY_DUTY_NO_LEAVE') {
      throw attendanceError('ATTENDANCE.HOLIDAY_DUTY_NO_LEAVE', `${agentId} is on holiday duty on ${refusal.date} / 节假日值班人员不得请假`, [
        { path: 'from', message: `on duty on ${refusal.date} (${refusal.name})` },
      ]);
    }
  }
}
