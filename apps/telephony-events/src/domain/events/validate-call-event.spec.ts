import { DEFAULT_TELEPHONY_POLICY } from '../telephony-policy';
import { validateCallEvents } from './validate-call-event';

const base = { eventId: 'e1', callId: 'c-1', occurredAt: '2026-10-05T09:15:02.120+08:00' };
const errorsOf = (event: unknown) => validateCallEvents([event]).rejected[0]?.errors ?? [];

describe('validateCallEvents', () => {
  it('accepts a valid event and adds its instant in epoch ms', () => {
    const result = validateCallEvents([{ ...base, type: 'call.answered', agentId: 'A1001', queue: 'sales', direction: 'inbound', data: {} }]);
    expect(result.rejected).toEqual([]);
    expect(result.valid[0]).toEqual({
      ...base, type: 'call.answered', agentId: 'A1001', queue: 'sales', direction: 'inbound', data: {},
      at: Date.UTC(2026, 9, 5, 1, 15, 2, 120), // 09:15:02.120 at +08:00
    });
  });

  it('keeps the valid items and reports the rejected ones with index and eventId', () => {
    const result = validateCallEvents([
      { ...base, type: 'call.queued' },
      { ...base, eventId: 'bad', type: 'call.hold' },
      { ...base, eventId: 'e3', type: 'call.ended', data: { endedBy: 'system' } },
    ]);
    expect(result.valid.map((e) => e.eventId)).toEqual(['e1', 'e3']);
    expect(result.valid[0].data).toEqual({}); // a missing data object reads as {}
    expect(result.rejected).toEqual([{ index: 1, eventId: 'bad', errors: [{ path: 'events[1].agentId', message: 'agentId is required for call.hold' }] }]);
  });

  it('rejects non-objects at events[i]', () => {
    const result = validateCallEvents([null, 'x', [1]]);
    expect(result.rejected.map((r) => r.errors)).toEqual([0, 1, 2].map((i) => [{ path: `events[${i}]`, message: 'event must be an object' }]));
  });

  it.each([
    [{ eventId: '' }, 'events[0].eventId', 'eventId must not be empty'],
    [{ eventId: 'x'.repeat(201) }, 'events[0].eventId', 'eventId must be at most 200 characters / eventId 最多 200 个字符'],
    [{ callId: 7 }, 'events[0].callId', 'callId must be a string'],
    [{ type: 'call.exploded' }, 'events[0].type', expect.stringContaining('type must be one of call.queued')],
    [{ occurredAt: '2026-10-05T09:15:02' }, 'events[0].occurredAt', 'occurredAt has no time-zone offset; add Z or ±hh:mm'],
    [{ occurredAt: '2026-02-30T09:15:02Z' }, 'events[0].occurredAt', expect.stringContaining('must be ISO-8601 with an offset')],
    [{ occurredAt: '05/10/2026 09:15' }, 'events[0].occurredAt', expect.stringContaining('must be ISO-8601 with an offset')],
    [{ occurredAt: 1791162902120 }, 'events[0].occurredAt', 'occurredAt must be an ISO-8601 string'],
    [{ direction: 'sideways' }, 'events[0].direction', 'direction must be one of inbound, outbound'],
    [{ queue: 5 }, 'events[0].queue', 'queue must be a string'],
    [{ data: [] }, 'events[0].data', 'data must be an object'],
    [{ agentId: '' }, 'events[0].agentId', 'agentId must not be empty'],
    [{ colour: 'red' }, 'events[0].colour', 'unknown field colour'],
  ])('rejects a bad top-level field %j', (patch, path, message) => {
    const code = typeof message === 'string' && message.includes(' / ') ? { code: 'TELEPHONY.TEXT_TOO_LONG' } : {};
    expect(errorsOf({ ...base, type: 'call.queued', ...patch })).toEqual([{ path, message, ...code }]);
  });

  it.each([
    ['call.offered', { ...base, type: 'call.offered' }],
    ['call.missed', { ...base, type: 'call.missed' }],
    ['call.answered', { ...base, type: 'call.answered' }],
    ['call.resumed', { ...base, type: 'call.resumed' }],
    ['call.transferred', { ...base, type: 'call.transferred', data: { target: 'B' } }],
    ['call.wrapup.ended', { ...base, type: 'call.wrapup.ended' }],
  ])('requires agentId for %s', (type, event) => {
    expect(errorsOf(event)).toEqual([{ path: 'events[0].agentId', message: `agentId is required for ${type}` }]);
  });

  it.each([
    ['call.missed', { ringMs: -1 }, 'ringMs', 'ringMs must be a non-negative integer'],
    ['call.answered', { ringMs: 1.5 }, 'ringMs', 'ringMs must be a non-negative integer'],
    ['call.answered', { waitMs: '10' }, 'waitMs', 'waitMs must be a non-negative integer'],
    ['call.transferred', {}, 'target', 'target must be a string'],
    ['call.transferred', { target: '' }, 'target', 'target must not be empty'],
    ['call.ended', { endedBy: 'nobody' }, 'endedBy', 'endedBy must be one of caller, agent, system'],
    ['call.ended', { endedBy: 'agent', holdMs: -5 }, 'holdMs', 'holdMs must be a non-negative integer'],
    ['call.abandoned', { reason: 'bored' }, 'reason', 'reason must be one of hangup, timeout, empty, key, withdraw'],
    ['call.abandoned', { reason: 'hangup', waitMs: -1 }, 'waitMs', 'waitMs must be a non-negative integer'],
    ['call.quality', { mos: 5.1, jitterMs: 0, packetLossPct: 0 }, 'mos', 'mos must be between 1 and 5 / mos 须在 1 与 5 之间'],
    ['call.quality', { mos: 3, jitterMs: -0.1, packetLossPct: 0 }, 'jitterMs', 'jitterMs must be between 0 and 10000 / jitterMs 须在 0 与 10000 之间'],
    ['call.quality', { mos: 3, jitterMs: 1, packetLossPct: 101 }, 'packetLossPct', 'packetLossPct must be between 0 and 100 / packetLossPct 须在 0 与 100 之间'],
    ['call.quality', { mos: 3, jitterMs: 1 }, 'packetLossPct', 'packetLossPct must be a number'],
    ['call.rated', { rating: '优' }, 'rating', 'rating must be one of excellent, good, fair, poor'],
    ['call.queued', { callerId: 13800000000 }, 'callerId', 'callerId must be a string'],
  ])('rejects bad data of %s %j', (type, data, field, message) => {
    const errors = errorsOf({ ...base, type, agentId: 'A1', data });
    expect(errors).toEqual([{ path: `events[0].data.${field}`, message, ...(message.includes(' / ') ? { code: 'TELEPHONY.NUMBER_OUT_OF_RANGE' } : {}) }]);
  });

  it('reports every failing field of one event with its own path', () => {
    const result = validateCallEvents([{}, { ...base, eventId: 'q', type: 'call.rated', agentId: 'A1', occurredAt: '2026-10-05', data: { rating: 'meh' } }]);
    expect(result.rejected[0].errors.map((e) => e.path)).toEqual(['events[0].eventId', 'events[0].callId', 'events[0].type', 'events[0].occurredAt']);
    expect(result.rejected[1]).toEqual({ index: 1, eventId: 'q', errors: [
      { path: 'events[1].occurredAt', message: expect.stringContaining('ISO-8601 with an offset') },
      { path: 'events[1].data.rating', message: 'rating must be one of excellent, good, fair, poor' },
    ] });
  });

  it('accepts the extensions and keeps only known data fields', () => {
    const result = validateCallEvents([
      { ...base, type: 'call.abandoned', data: { reason: 'key', waitMs: 8000, digit: '5' } },
      { ...base, eventId: 'e2', type: 'call.ended', data: { endedBy: 'caller', holdMs: 45000, holdCount: 2, longestHoldMs: 30000, talkMs: 240000 } },
      { ...base, eventId: 'e3', type: 'call.quality', occurredAt: '2026-10-05T01:15:02Z', data: { mos: 1, jitterMs: 0, packetLossPct: 100 } },
    ]);
    expect(result.rejected).toEqual([]);
    expect(result.valid.map((e) => e.data)).toEqual([
      { reason: 'key', waitMs: 8000 },
      { endedBy: 'caller', holdMs: 45000, holdCount: 2, longestHoldMs: 30000, talkMs: 240000 },
      { mos: 1, jitterMs: 0, packetLossPct: 100 },
    ]);
  });

  it('rejects a prototype-polluting key without reading the other fields (found by fast-check)', () => {
    const odd = JSON.parse('{"__proto__":{},"occurredAt":7}');
    expect(validateCallEvents([odd], { limits: DEFAULT_TELEPHONY_POLICY, now: Date.now() }).rejected[0].errors).toEqual([
      { path: 'events[0].__proto__', message: 'unknown field __proto__' },
    ]);
  });

  it('rejects a prototype-polluting key instead of letting it through', () => {
    const polluted = JSON.parse('{"eventId":"e","callId":"c","type":"call.queued","occurredAt":"2026-10-05T01:00:00Z","__proto__":{"x":1}}');
    expect(errorsOf(polluted)).toEqual([{ path: 'events[0].__proto__', message: 'unknown field __proto__' }]);
  });

  describe('policy bounds (issue 12: a schema-valid poison value must never reach derivation)', () => {
    const now = Date.parse('2026-11-23T00:00:00Z');
    const at = (iso: string) => ({ ...base, type: 'call.queued', occurredAt: iso });
    const codesOf = (event: unknown, given = { limits: DEFAULT_TELEPHONY_POLICY, now }) =>
      validateCallEvents([event], given).rejected[0]?.errors.map((e) => [e.path, e.code]) ?? [];

    it.each([
      ['call.answered', { ringMs: 1e20 }, 'ringMs'],
      ['call.answered', { waitMs: 86_400_001 }, 'waitMs'],
      ['call.missed', { ringMs: Number.MAX_SAFE_INTEGER }, 'ringMs'],
      ['call.ended', { endedBy: 'agent', talkMs: 1e15 }, 'talkMs'],
      ['call.ended', { endedBy: 'agent', holdCount: 1_001 }, 'holdCount'],
      ['call.abandoned', { reason: 'hangup', waitMs: 1e300 }, 'waitMs'],
      ['call.quality', { mos: 3, jitterMs: 1e9, packetLossPct: 0 }, 'jitterMs'],
    ])('refuses %s with %j out of range', (type, data, field) => {
      expect(codesOf({ ...base, type, agentId: 'A1', data })).toEqual([[`events[0].data.${field}`, 'TELEPHONY.NUMBER_OUT_OF_RANGE']]);
    });

    it('accepts a duration exactly at the bound, and ignores fields its type drops', () => {
      expect(codesOf({ ...base, type: 'call.answered', agentId: 'A1', data: { ringMs: 86_400_000 } })).toEqual([]);
      expect(codesOf({ ...base, type: 'call.offered', agentId: 'A1', data: { ringMs: 1e20 } })).toEqual([]);
    });

    it.each([
      [{ callId: 'c\u0000' }, 'events[0].callId', 'TELEPHONY.TEXT_NOT_PRINTABLE'],
      [{ eventId: 'e\ud800' }, 'events[0].eventId', 'TELEPHONY.TEXT_NOT_PRINTABLE'],
      [{ queue: 'q'.repeat(201) }, 'events[0].queue', 'TELEPHONY.TEXT_TOO_LONG'],
      [{ data: { callerId: 'x'.repeat(1_100_000) } }, 'events[0].data.callerId', 'TELEPHONY.TEXT_TOO_LONG'],
    ])('refuses unbounded or unprintable text %#', (patch, path, code) => {
      expect(codesOf({ ...at('2026-11-22T10:00:00+08:00'), ...patch })).toEqual([[path, code]]);
    });

    it('keeps the eventId of a rejected item printable in the report', () => {
      const r = validateCallEvents([{ ...base, eventId: 'bad\u0000id', type: 'call.queued' }]).rejected[0];
      expect(r.eventId).toBe('bad\\u0000id…');
    });

    it('refuses instants past the future tolerance or the horizon, only when a clock is given', () => {
      expect(codesOf(at('9999-12-31T00:00:00Z'))).toEqual([['events[0].occurredAt', 'TELEPHONY.INSTANT_IN_FUTURE']]);
      expect(codesOf(at('2026-11-23T00:05:00Z'))).toEqual([]); // exactly the 5-minute tolerance
      expect(codesOf(at('2026-11-23T00:05:00.001Z'))).toEqual([['events[0].occurredAt', 'TELEPHONY.INSTANT_IN_FUTURE']]);
      expect(codesOf(at('2025-10-19T00:00:00Z'))).toEqual([]); // 400 days
      expect(codesOf(at('2025-10-18T23:59:59Z'))).toEqual([['events[0].occurredAt', 'TELEPHONY.INSTANT_TOO_OLD']]);
      expect(validateCallEvents([at('1970-01-01T00:00:00Z')]).rejected).toEqual([]);
      const wider = { limits: { ...DEFAULT_TELEPHONY_POLICY, pastHorizonDays: 30_000 }, now };
      expect(codesOf(at('1970-01-02T00:00:00Z'), wider)).toEqual([]);
    });
  });
});
