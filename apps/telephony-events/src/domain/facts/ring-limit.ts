import type { CallFacts } from './call-facts';
import { isLegRinging } from './call-predicates';
import type { TelephonyPolicy } from '../telephony-policy';

/** Ring bursts begun after `ringMs` (响铃声数): ceil(ringMs / ringCycleMs). */
export const ringsIn = (ringMs: number, p: Pick<TelephonyPolicy, 'ringCycleMs'>): number => Math.ceil(ringMs / p.ringCycleMs);

/** 响铃三声未接起: strictly past the limit; ringing exactly ringLimitRings full cycles is still within it. */
export const pastRingLimit = (ringMs: number, p: Pick<TelephonyPolicy, 'ringLimitRings' | 'ringCycleMs'>): boolean =>
  ringMs > p.ringLimitRings * p.ringCycleMs;

/**
 * The facts as they stand at `now` for legs that are still ringing (offered, neither answered nor
 * ended): their ring time runs to `now`. Lets the alert fire while the phone is still ringing,
 * with the same key the answer or miss would later produce, so it is raised once either way.
 */
export function ringingAt(facts: CallFacts, now: number, p: TelephonyPolicy): CallFacts {
  return {
    ...facts,
    legs: facts.legs.map((leg) => {
      if (!isLegRinging(leg)) return leg;
      const ringMs = Math.max(0, now - (leg.offeredAt as number));
      return { ...leg, ringMs, rings: ringsIn(ringMs, p), ringLimitExceeded: pastRingLimit(ringMs, p) };
    }),
  };
}
