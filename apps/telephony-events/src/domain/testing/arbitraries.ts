import fc from 'fast-check';
import { ABANDON_REASONS, CALL_EVENT_TYPES, END_PARTIES, RATINGS } from '../events/call-event';

/** Text that is fine to store and echo. */
const word = fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/);

/** A valid canonical event with a unique id, within `[now − 30 days, now]`. */
export const validEvent = (now: number, unique: string) =>
  fc.record({
    callId: word,
    type: fc.constantFrom(...CALL_EVENT_TYPES),
    atMsAgo: fc.integer({ min: 0, max: 30 * 86_400_000 }),
    agentId: word,
    queue: fc.option(word, { nil: undefined }),
    n: fc.integer({ min: 0, max: 3_600_000 }),
    mos: fc.double({ min: 1, max: 5, noNaN: true }),
    pick: fc.nat(),
    id: fc.uuid(),
  }).map(({ callId, type, atMsAgo, agentId, queue, n, mos, pick, id }) => {
    const data: Record<string, unknown> = {
      'call.queued': {}, 'call.offered': {}, 'call.missed': { ringMs: n }, 'call.answered': { ringMs: n }, 'call.hold': {}, 'call.resumed': {},
      'call.transferred': { target: 'T1' }, 'call.ended': { endedBy: END_PARTIES[pick % END_PARTIES.length] },
      'call.abandoned': { reason: ABANDON_REASONS[pick % ABANDON_REASONS.length], waitMs: n }, 'call.wrapup.ended': {},
      'call.quality': { mos, jitterMs: n % 1_000, packetLossPct: pick % 101 }, 'call.rated': { rating: RATINGS[pick % RATINGS.length] },
    }[type] as Record<string, unknown>;
    return { eventId: `${unique}-${id}`, callId, type, occurredAt: new Date(now - atMsAgo).toISOString(), agentId, ...(queue ? { queue } : {}), data };
  });

/** Values chosen to break things: huge, negative, non-finite-ish, unprintable, nested. */
const nasty = fc.oneof(
  fc.constantFrom(1e20, -1, 1.5, Number.MAX_SAFE_INTEGER, 253402300800000, '', '\u0000', '\ud800', 'x'.repeat(300), null, [], {}, true),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
);

/** Something shaped like an event with any field replaced by a nasty value, or extra nasty fields. */
export const hostileEvent = (now: number, unique: string) =>
  fc.tuple(validEvent(now, unique), fc.constantFrom('eventId', 'callId', 'type', 'occurredAt', 'agentId', 'queue', 'data', 'extra'), nasty, fc.constantFrom('ringMs', 'waitMs', 'mos', 'callerId', 'target', 'talkMs')).map(
    ([event, field, value, dataField]) =>
      field === 'data' ? { ...event, data: { ...event.data, [dataField]: value } } : { ...event, [field]: value },
  );

/** Anything JSON can carry. */
export const anyJson = fc.jsonValue({ maxDepth: 4 });
