import { CallFacts } from './call-facts';
import { isCallOpen } from './call-predicates';
import { TelephonyPolicy } from '../telephony-policy';

/**
 * Closes a call that never reported its end once callTimeoutMs has passed since its last event.
 * The end is put at the last event seen, not at `now` or last + timeout: nothing is invented,
 * and open legs keep the durations already measured up to that event.
 */
export function closeByTimeout(facts: CallFacts, now: number, policy: TelephonyPolicy): CallFacts {
  if (!isCallOpen(facts) || now - facts.lastEventAt <= policy.callTimeoutMs) return facts;
  return {
    ...facts,
    closedByTimeout: true,
    endedAt: facts.lastEventAt,
    legs: facts.legs.map((leg) => (leg.endedAt === null ? { ...leg, endedAt: facts.lastEventAt } : leg)),
  };
}
