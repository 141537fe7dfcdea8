import { CallEventType, ParsedCallEvent } from '../events/call-event';
import { stableJson } from '../stable-json';

/** Causal order of types sharing one timestamp: an offer rings before it is answered, etc. */
const TYPE_RANK: Record<CallEventType, number> = {
  'call.queued': 0,
  'call.offered': 1,
  'call.missed': 2,
  'call.answered': 3,
  'call.hold': 4,
  'call.resumed': 5,
  'call.quality': 6,
  'call.transferred': 7,
  'call.ended': 8,
  'call.abandoned': 9,
  'call.wrapup.ended': 10,
  'call.rated': 11,
};

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareEvents(a: ParsedCallEvent, b: ParsedCallEvent): number {
  return a.at - b.at || TYPE_RANK[a.type] - TYPE_RANK[b.type] || compareText(a.eventId, b.eventId);
}

/**
 * Deduplicated by eventId and sorted by (at, type rank, eventId), whatever the arrival order.
 * Two different bodies under one eventId (a faulty source) resolve to the one that sorts first,
 * with the body's stable JSON as the last tie-break, so the choice never depends on arrival.
 */
export function orderCallEvents(events: readonly ParsedCallEvent[]): ParsedCallEvent[] {
  const byId = new Map<string, ParsedCallEvent>();
  for (const event of events) {
    const kept = byId.get(event.eventId);
    if (kept === undefined) byId.set(event.eventId, event);
    else {
      const order = compareEvents(event, kept) || compareText(stableJson(event), stableJson(kept));
      if (order < 0) byId.set(event.eventId, event);
    }
  }
  return [...byId.values()].sort(compareEvents);
}
