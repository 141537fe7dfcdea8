import { ParsedCallEvent } from '../events/call-event';
import { CallFacts } from './call-facts';
import { orderCallEvents } from './order-call-events';
import { applyCallEvent, emptyCallState } from './replay-call-events';
import { summariseCall } from './summarise-call';
import { TelephonyPolicy } from '../telephony-policy';

export { factsHash } from './facts-hash';
export { closeByTimeout } from './close-by-timeout';

/**
 * The facts of one call from all its events so far. Arrival order and duplicates do not
 * matter: events are deduplicated by eventId and replayed in (time, type rank, eventId) order.
 */
export function deriveCallFacts(events: readonly ParsedCallEvent[], policy: TelephonyPolicy): CallFacts {
  if (events.length === 0) throw new Error('deriveCallFacts needs at least one event');
  const callId = events[0].callId;
  if (events.some((e) => e.callId !== callId)) throw new Error('deriveCallFacts got events of several calls');
  const ordered = orderCallEvents(events);
  const state = emptyCallState();
  for (const event of ordered) applyCallEvent(state, event);
  return summariseCall(callId, state, ordered, policy);
}
