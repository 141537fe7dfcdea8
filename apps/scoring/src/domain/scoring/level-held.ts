import type { Level } from '@app/contracts';
import type { PastMonth } from './month-inputs';

/**
 * The level a month is paid at: HR's setting from its month on (attendance's `levelEffectiveFrom`), otherwise the
 * level the last closed month decided; later months chain from whichever came last.
 */
export function levelHeld(recorded: Level, lastMonth: PastMonth | undefined, hr: { effectiveFrom: string; level: Level } | undefined): Level {
  if (hr && (!lastMonth || hr.effectiveFrom > lastMonth.period)) return hr.level;
  return lastMonth ? lastMonth.levelAfter : recorded;
}
