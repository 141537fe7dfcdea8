import type { HalfDay } from './leave-overlap';

export interface LeaveOnDay {
  /** The type the day is booked under; with two halves of different types, the morning's. */
  type: string;
  halfDay?: HalfDay;
  /** Every type taken that day, so a rule about any of them (full attendance) still sees it. */
  types: string[];
}

/**
 * The leave a date is under. A morning and an afternoon filed separately are the whole day together:
 * deciding the day on one half alone would expect the agent for the other half they are also off.
 */
export function leaveOnDay(leaves: Array<{ type: string; from: string; to: string; halfDay: HalfDay | null }>, date: string): LeaveOnDay | undefined {
  const covering = leaves.filter((l) => l.from <= date && date <= l.to);
  const whole = covering.find((l) => !l.halfDay);
  if (whole) return { type: whole.type, types: [whole.type] };
  const am = covering.find((l) => l.halfDay === 'am');
  const pm = covering.find((l) => l.halfDay === 'pm');
  if (am && pm) return { type: am.type, types: [...new Set([am.type, pm.type])] };
  const half = am ?? pm;
  return half ? { type: half.type, halfDay: half.halfDay!, types: [half.type] } : undefined;
}
