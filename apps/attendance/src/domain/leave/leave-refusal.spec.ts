import { leaveRefusal, type LeaveRuleFacts } from './leave-refusal';

const none: LeaveRuleFacts = { swaps: [], roster: [], holidays: [] };
const swap = { swapId: 'sw1', date: '2026-10-05', paybackDate: '2026-10-07' };

describe('leaveRefusal', () => {
  it('allows leave with no swap day and no holiday duty in it', () => {
    expect(leaveRefusal('A1', '2026-10-05', '2026-10-07', none)).toBeNull();
    expect(leaveRefusal('A1', '2026-10-06', '2026-10-06', { ...none, swaps: [swap] })).toBeNull(); // between the two swap days
  });

  it('refuses leave on a swap or a pay-back day, naming the day and the swap', () => {
    expect(leaveRefusal('A1', '2026-10-04', '2026-10-05', { ...none, swaps: [swap] })).toEqual({ code: 'ATTENDANCE.LEAVE_ON_SWAP_DAY', date: '2026-10-05', swapId: 'sw1' });
    expect(leaveRefusal('A1', '2026-10-07', '2026-10-09', { ...none, swaps: [swap] })).toEqual({ code: 'ATTENDANCE.LEAVE_ON_SWAP_DAY', date: '2026-10-07', swapId: 'sw1' });
  });

  it('finds a swap day from the roster too (a day a swap put there)', () => {
    const roster = [{ date: '2026-10-08', swapId: null }, { date: '2026-10-09', swapId: 'sw2' }];
    expect(leaveRefusal('A1', '2026-10-08', '2026-10-09', { ...none, roster })).toEqual({ code: 'ATTENDANCE.LEAVE_ON_SWAP_DAY', date: '2026-10-09', swapId: 'sw2' });
  });

  it('refuses leave for someone on holiday duty in it, and only them', () => {
    const holidays = [{ date: '2026-10-01', name: '国庆节', dutyAgentIds: ['A2'] }, { date: '2026-10-02', name: '国庆节', dutyAgentIds: ['A1'] }];
    expect(leaveRefusal('A1', '2026-10-01', '2026-10-03', { ...none, holidays })).toEqual({ code: 'ATTENDANCE.HOLIDAY_DUTY_NO_LEAVE', date: '2026-10-02', name: '国庆节' });
    expect(leaveRefusal('A3', '2026-10-01', '2026-10-03', { ...none, holidays })).toBeNull();
  });

  it('names the swap day first when both rules are broken', () => {
    const holidays = [{ date: '2026-10-05', name: 'x', dutyAgentIds: ['A1'] }];
    expect(leaveRefusal('A1', '2026-10-05', '2026-10-05', { ...none, swaps: [swap], holidays })?.code).toBe('ATTENDANCE.LEAVE_ON_SWAP_DAY');
  });
});
