import { Injectable } from '@nestjs/common';
import { attendanceError } from '../attendance.errors';
import { datesFrom } from '../domain/local-time';
import { HolidayStore } from '../store/holiday.store';
import { RosterStore } from '../store/roster.store';
import { SwapStore } from '../store/swap.store';
import { inTurn } from '@app/persistence';

/**
 * rules.md §2 for leave: none on a swap or pay-back day, none for someone on holiday duty. Checked
 * when leave is requested and again when it is approved.
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
    const dates = new Set(datesFrom(from, to));
    const swapDays = [
      ...swaps.flatMap((s) => [s.date, s.paybackDate].filter((d) => dates.has(d)).map((d) => ({ d, id: s.swapId }))),
      ...roster.filter((r) => r.swapId).map((r) => ({ d: r.date, id: r.swapId! })),
    ];
    if (swapDays.length) {
      const { d, id } = swapDays[0];
      throw attendanceError('ATTENDANCE.LEAVE_ON_SWAP_DAY', `No leave on a swap or pay-back day: ${d} (swap ${id}) / 换班日或还班日不得请假`, [
        { path: 'from', message: `${d} is a swap or pay-back day` },
      ]);
    }
    const duty = [...holidays.values()].find((h) => h.dutyAgentIds.includes(agentId));
    if (duty) {
      throw attendanceError('ATTENDANCE.HOLIDAY_DUTY_NO_LEAVE', `${agentId} is on holiday duty on ${duty.date} / 节假日值班人员不得请假`, [
        { path: 'from', message: `on duty on ${duty.date} (${duty.name})` },
      ]);
    }
  }
}
