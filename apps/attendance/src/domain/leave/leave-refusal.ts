import { datesFrom } from '../days/local-time';

/** What the rule reads of the agent's live swaps, roster days and the holidays of the leave's dates. */
export interface LeaveRuleFacts {
  /** Live swaps the agent is on, either side. */
  swaps: ReadonlyArray<{ swapId: string; date: string; paybackDate: string }>;
  /** The agent's roster days; `swapId` on a day a swap put there. */
  roster: ReadonlyArray<{ date: string; swapId?: string | null }>;
  holidays: ReadonlyArray<{ date: string; name: string; dutyAgentIds: readonly string[] }>;
}

export type LeaveRefusal =
  | { code: 'ATTENDANCE.LEAVE_ON_SWAP_DAY'; date: string; swapId: string }
  | { code: 'ATTENDANCE.HOLIDAY_DUTY_NO_LEAVE'; date: string; name: string };

/**
 * rules.md §2 for leave: none on a swap or pay-back day, none for someone on holiday duty — or null when the leave
 * from `from` to `to` (both included) is allowed. A swap day is looked for both in the live swaps and in the roster,
 * since either may be the first to show it; the first found is the one named.
 */
export function leaveRefusal(agentId: string, from: string, to: string, facts: LeaveRuleFacts): LeaveRefusal | null {
  const dates = new Set(datesFrom(from, to));
  const swapDays = [
    ...facts.swaps.flatMap((s) => [s.date, s.paybackDate].filter((d) => dates.has(d)).map((date) => ({ date, swapId: s.swapId }))),
    ...facts.roster.filter((r) => r.swapId && dates.has(r.date)).map((r) => ({ date: r.date, swapId: r.swapId! })),
  ];
  if (swapDays.length) return { code: 'ATTENDANCE.LEAVE_ON_SWAP_DAY', ...swapDays[0] };
  const duty = facts.holidays.find((h) => dates.has(h.date) && h.dutyAgentIds.includes(agentId));
  return duty ? { code: 'ATTENDANCE.HOLIDAY_DUTY_NO_LEAVE', date: duty.date, name: duty.name } : null;
}
