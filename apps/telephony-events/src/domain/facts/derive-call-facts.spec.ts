import { ParsedCallEvent } from '../events/call-event';
import { closeByTimeout, deriveCallFacts, factsHash } from './derive-call-facts';
import { DEFAULT_TELEPHONY_POLICY as P } from '../telephony-policy';
import { T0, ev, seededRandom, shuffled } from '../testing/call-event-builder';

const s = (seconds: number) => T0 + seconds * 1000;

/** Queued, missed by A, answered by B with two holds, transferred to C who holds without resume. */
const richCall: ParsedCallEvent[] = [
  ev('call.queued', 0, { id: 'q', queue: 'sales', data: { callerId: '13800000000' } }),
  ev('call.offered', 2, { id: 'o1', agentId: 'A' }),
  ev('call.missed', 18, { id: 'm1', agentId: 'A' }),
  ev('call.offered', 18, { id: 'o2', agentId: 'B' }),
  ev('call.answered', 25, { id: 'a2', agentId: 'B' }),
  ev('call.hold', 40, { id: 'h1', agentId: 'B' }),
  ev('call.quality', 60, { id: 'qs1', agentId: 'B', data: { mos: 4.1, jitterMs: 10, packetLossPct: 0.5 } }),
  ev('call.resumed', 70, { id: 'r1', agentId: 'B' }),
  ev('call.hold', 100, { id: 'h2', agentId: 'B' }),
  ev('call.quality', 200, { id: 'qs2', data: { mos: 3.2, jitterMs: 40, packetLossPct: 1 } }),
  ev('call.resumed', 250, { id: 'r2', agentId: 'B' }),
  ev('call.transferred', 300, { id: 't', agentId: 'B', data: { target: 'C' } }),
  ev('call.offered', 300, { id: 'o3', agentId: 'C' }),
  ev('call.answered', 304, { id: 'a3', agentId: 'C' }),
  ev('call.wrapup.ended', 330, { id: 'w2', agentId: 'B' }),
  ev('call.hold', 400, { id: 'h3', agentId: 'C' }),
  ev('call.ended', 460, { id: 'end', agentId: 'C', data: { endedBy: 'caller' } }),
  ev('call.rated', 470, { id: 'r-b', data: { rating: 'excellent' } }),
  ev('call.rated', 470, { id: 'r-a', data: { rating: 'good' } }),
  ev('call.wrapup.ended', 475, { id: 'w3', agentId: 'C' }),
];

describe('deriveCallFacts on a rich call (hand-computed)', () => {
  const facts = deriveCallFacts(richCall, P);

  it('summarises the call', () => {
    expect(facts).toMatchObject({
      callId: 'call-1', queue: 'sales', callerId: '13800000000', direction: null,
      queuedAt: s(0), waitMs: 25_000, // queued 0 → first answer 25 s
      answered: true, abandoned: null, abandonedAfterTarget: false,
      endedAt: s(460), endedBy: 'caller', closedByTimeout: false, firstEventAt: s(0), lastEventAt: s(475),
      mos: 3.65, minMos: 3.2, maxJitterMs: 40, maxPacketLossPct: 1, // (4.1 + 3.2) / 2 = 3.65
      rating: 'excellent', // both at 470 s: ties go by eventId, 'r-b' sorts last and wins
    });
    expect(facts.sourceEventIds).toEqual(richCall.map((e) => e.eventId).sort());
  });

  it('gives A a missed leg: 2 s → 18 s = 16 s = ceil(3.2) = 4 rings, past 3 × 5 s', () => {
    expect(facts.legs[0]).toEqual({
      agentId: 'A', offeredAt: s(2), answeredAt: null, endedAt: s(18), ringMs: 16_000, rings: 4,
      ringLimitExceeded: true, missed: true, talkMs: null, holdMs: 0, holdCount: 0, longestHoldMs: 0,
      longHold: false, wrapUpMs: null, transferred: false, transferTarget: null, endedBy: null,
      mos: null, rating: null, sourceEventIds: ['m1', 'o1'],
    });
  });

  it('gives B: ring 7 s, holds 30 s + 150 s, talk 275 − 180 = 95 s, wrap-up 300 → 330 s', () => {
    expect(facts.legs[1]).toEqual({
      agentId: 'B', offeredAt: s(18), answeredAt: s(25), endedAt: s(300), ringMs: 7_000, rings: 2,
      ringLimitExceeded: false, missed: false, talkMs: 95_000, holdMs: 180_000, holdCount: 2,
      longestHoldMs: 150_000, longHold: true, wrapUpMs: 30_000, transferred: true, transferTarget: 'C',
      endedBy: null, mos: 4.1, rating: null,
      sourceEventIds: ['a2', 'h1', 'h2', 'o2', 'qs1', 'r1', 'r2', 't', 'w2'],
    });
  });

  it('gives C: ring 4 s, open hold closed at the end (400 → 460), talk 156 − 60 = 96 s, the rating', () => {
    expect(facts.legs[2]).toEqual({
      agentId: 'C', offeredAt: s(300), answeredAt: s(304), endedAt: s(460), ringMs: 4_000, rings: 1,
      ringLimitExceeded: false, missed: false, talkMs: 96_000, holdMs: 60_000, holdCount: 1,
      longestHoldMs: 60_000, longHold: false, wrapUpMs: 15_000, transferred: false, transferTarget: null,
      endedBy: 'caller', mos: 3.65, rating: 'excellent',
      sourceEventIds: ['a3', 'end', 'h3', 'o3', 'r-a', 'r-b', 'w3'],
    });
  });

  it('does not depend on arrival order or duplicates (300 seeded shuffles)', () => {
    const random = seededRandom(20261005);
    const hash = factsHash(facts);
    for (let run = 0; run < 300; run++) {
      const duplicates = richCall.filter(() => random() < 0.3).map((e) => ({ ...e }));
      const again = deriveCallFacts(shuffled([...richCall, ...duplicates], random), P);
      expect(again).toEqual(facts);
      expect(factsHash(again)).toBe(hash);
    }
  });
});

describe('deriveCallFacts edge rules', () => {
  const queued = ev('call.queued', 0, { id: 'q' });

  it('stops other phones ringing when one agent answers (ringall): cancelled, not missed', () => {
    const f = deriveCallFacts([queued, ev('call.offered', 1, { id: 'oa', agentId: 'A' }),
      ev('call.offered', 1, { id: 'ob', agentId: 'B' }), ev('call.answered', 9, { id: 'ab', agentId: 'B' })], P);
    expect(f.legs[0]).toMatchObject({ agentId: 'A', endedAt: s(9), ringMs: 8_000, missed: false, sourceEventIds: ['ab', 'oa'] });
    expect(f.legs[1]).toMatchObject({ agentId: 'B', answeredAt: s(9), ringMs: 8_000, rings: 2, talkMs: 0 });
  });

  it('makes one leg per offer: an agent offered twice and missing twice has two legs', () => {
    const f = deriveCallFacts([ev('call.offered', 0, { id: 'o1', agentId: 'A' }), ev('call.missed', 15, { id: 'm1', agentId: 'A' }),
      ev('call.offered', 20, { id: 'o2', agentId: 'A' }), ev('call.missed', 35.001, { id: 'm2', agentId: 'A' })], P);
    expect(f.legs.map((l) => [l.ringMs, l.rings, l.ringLimitExceeded])).toEqual([[15_000, 3, false], [15_001, 4, true]]);
  });

  it('treats a re-sent offer while still ringing as the same ring', () => {
    const f = deriveCallFacts([ev('call.offered', 0, { id: 'o1', agentId: 'A' }), ev('call.offered', 3, { id: 'o1b', agentId: 'A' })], P);
    expect(f.legs).toHaveLength(1);
    expect(f.legs[0]).toMatchObject({ offeredAt: s(0), ringMs: 3_000, endedAt: null, sourceEventIds: ['o1', 'o1b'] });
  });

  it('prefers the reported ringMs and derives offeredAt from it when no offer was sent', () => {
    const f = deriveCallFacts([ev('call.missed', 30, { id: 'm', agentId: 'A', data: { ringMs: 12_500 } }),
      ev('call.answered', 40, { id: 'a', agentId: 'B' })], P);
    expect(f.legs[0]).toMatchObject({ offeredAt: s(17.5), ringMs: 12_500, rings: 3, missed: true });
    expect(f.legs[1]).toMatchObject({ offeredAt: null, ringMs: null, rings: null, ringLimitExceeded: false });
    expect(f.waitMs).toBeNull(); // never queued, no reported wait
  });

  it('prefers data.waitMs for the wait and closes a ringing leg at abandonment', () => {
    const f = deriveCallFacts([queued, ev('call.offered', 10, { id: 'o', agentId: 'A' }),
      ev('call.abandoned', 28, { id: 'ab', data: { reason: 'hangup', waitMs: 27_000 } })], P);
    expect(f).toMatchObject({ waitMs: 27_000, abandoned: { reason: 'hangup', waitMs: 27_000 }, abandonedAfterTarget: true, endedAt: s(28), endedBy: null, answered: false });
    expect(f.legs[0]).toMatchObject({ endedAt: s(28), ringMs: 18_000, missed: false, ringLimitExceeded: true });
  });

  it('computes the abandonment wait from the queue entry when not reported; exactly the target is not after it', () => {
    const f = deriveCallFacts([queued, ev('call.abandoned', 20, { id: 'ab', data: { reason: 'timeout' } })], P);
    expect(f).toMatchObject({ waitMs: 20_000, abandoned: { reason: 'timeout', waitMs: 20_000 }, abandonedAfterTarget: false });
  });

  it('uses reported totals only when the call has no individual hold events', () => {
    const totals = { endedBy: 'agent' as const, holdMs: 45_000, holdCount: 2, longestHoldMs: 130_000, talkMs: 200_000 };
    const base = [ev('call.answered', 0, { id: 'a', agentId: 'A' }), ev('call.ended', 300, { id: 'e', agentId: 'A', data: totals })];
    expect(deriveCallFacts(base, P).legs[0]).toMatchObject({ holdMs: 45_000, holdCount: 2, longestHoldMs: 130_000, longHold: true, talkMs: 200_000 });
    const withHold = [...base, ev('call.hold', 10, { id: 'h', agentId: 'A' }), ev('call.resumed', 20, { id: 'r', agentId: 'A' })];
    expect(deriveCallFacts(withHold, P).legs[0]).toMatchObject({ holdMs: 10_000, holdCount: 1, longestHoldMs: 10_000, talkMs: 290_000 });
  });

  it('resolves two bodies under one eventId the same way whatever the order', () => {
    const one = ev('call.ended', 50, { id: 'e', data: { endedBy: 'caller' } });
    const two = ev('call.ended', 50, { id: 'e', data: { endedBy: 'agent' } });
    const a = deriveCallFacts([queued, one, two], P);
    expect(deriveCallFacts([two, queued, one], P)).toEqual(a);
    expect(a.endedBy).toBe('agent'); // {"data":{"endedBy":"agent"…} sorts before "caller"
  });

  it('rejects an empty list and events of several calls', () => {
    expect(() => deriveCallFacts([], P)).toThrow('at least one event');
    expect(() => deriveCallFacts([queued, ev('call.queued', 0, { id: 'x', callId: 'other' })], P)).toThrow('several calls');
  });

  it('changes the hash when a late event changes the facts, not when a duplicate arrives', () => {
    const before = deriveCallFacts([queued], P);
    expect(factsHash(deriveCallFacts([queued, { ...queued }], P))).toBe(factsHash(before));
    expect(factsHash(deriveCallFacts([queued, ev('call.answered', 5, { id: 'a', agentId: 'A' })], P))).not.toBe(factsHash(before));
    expect(factsHash(before)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('closeByTimeout', () => {
  const open = deriveCallFacts([ev('call.queued', 0, { id: 'q' }), ev('call.answered', 10, { id: 'a', agentId: 'A' }),
    ev('call.hold', 70, { id: 'h', agentId: 'A' })], P);

  it('leaves a call alone until callTimeoutMs has passed since its last event', () => {
    expect(closeByTimeout(open, s(70) + P.callTimeoutMs, P)).toBe(open);
  });

  it('closes at the last event, keeping durations measured up to it', () => {
    const closed = closeByTimeout(open, s(70) + P.callTimeoutMs + 1, P);
    expect(closed).toMatchObject({ closedByTimeout: true, endedAt: s(70), endedBy: null });
    expect(closed.legs[0]).toMatchObject({ endedAt: s(70), talkMs: 60_000, holdMs: 0, holdCount: 1 });
  });

  it('never closes an ended or abandoned call', () => {
    const abandoned = deriveCallFacts([ev('call.abandoned', 0, { id: 'x', data: { reason: 'empty' } })], P);
    expect(closeByTimeout(abandoned, s(0) + 10 * P.callTimeoutMs, P)).toBe(abandoned);
  });
});
