import type { ShiftSpan } from './shift-type';

export interface ClockPunch {
  /** Only to tell events apart where that matters; the rules read the type and the instant alone (the close leaves it out). */
  eventId?: string;
  type: 'in' | 'out';
  at: number;
}

/**
 * The punches that belong to `shift` among an agent's shifts: those in its window, unless another
 * of the agent's shifts whose window also holds them is nearer (an `in` to its start, an `out` to
 * its end) — adjacent windows overlap, an overnight shift's next morning most of all.
 */
export function punchesOf<T extends ClockPunch>(shift: ShiftSpan, agentShifts: ShiftSpan[], punches: T[]): T[] {
  const distance = (s: ShiftSpan, p: ClockPunch) => Math.abs(p.at - (p.type === 'in' ? s.startAt : s.endAt));
  return punches.filter((p) => {
    if (p.at < shift.windowFrom || p.at > shift.windowTo) return false;
    const mine = distance(shift, p);
    // A tie goes to the earlier shift, so every punch has exactly one owner.
    return !agentShifts.some((o) => o.startAt !== shift.startAt && p.at >= o.windowFrom && p.at <= o.windowTo &&
      (distance(o, p) < mine || (distance(o, p) === mine && o.startAt < shift.startAt)));
  });
}
