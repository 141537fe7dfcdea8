import { ParsedCallEvent } from '../events/call-event';
import { CallFacts } from '../facts/call-facts';
import { closeByTimeout, deriveCallFacts } from '../facts/derive-call-facts';
import { computeQueueStats } from './queue-stats';
import { DEFAULT_TELEPHONY_POLICY as P } from '../telephony-policy';
import { T0, ev } from '../testing/call-event-builder';

// T0 = 2026-10-05 09:00 Shanghai. Seconds after T0 per call, with the hand-computed outcome.
const calls: Record<string, ParsedCallEvent[]> = {
  // wait 10 s (within), ring 4 s, talk 60 s
  c1: [ev('call.queued', 0, { id: '1q' }), ev('call.offered', 6, { id: '1o', agentId: 'A' }), ev('call.answered', 10, { id: '1a', agentId: 'A' }), ev('call.ended', 70, { id: '1e', data: { endedBy: 'caller' } })],
  // B misses after 15 s; A answers at 85 → wait 25 s (over target), ring 5 s, hold 30 s, talk 115 − 30 = 85 s
  c2: [ev('call.queued', 60, { id: '2q' }), ev('call.offered', 61, { id: '2ob', agentId: 'B' }), ev('call.missed', 76, { id: '2m', agentId: 'B' }),
    ev('call.offered', 80, { id: '2oa', agentId: 'A' }), ev('call.answered', 85, { id: '2a', agentId: 'A' }),
    ev('call.hold', 90, { id: '2h', agentId: 'A' }), ev('call.resumed', 120, { id: '2r', agentId: 'A' }), ev('call.ended', 200, { id: '2e', data: { endedBy: 'agent' } })],
  // hangup after 30 s: abandoned after target
  c3: [ev('call.queued', 120, { id: '3q' }), ev('call.abandoned', 150, { id: '3x', data: { reason: 'hangup' } })],
  // timeout after 10 s: not after target
  c4: [ev('call.queued', 300, { id: '4q' }), ev('call.abandoned', 310, { id: '4x', data: { reason: 'timeout' } })],
  // reported wait exactly 20 s = target → within; answered without offer → ring unknown
  c5: [ev('call.queued', 3700, { id: '5q' }), ev('call.answered', 3720, { id: '5a', agentId: 'C', data: { waitMs: 20_000 } }), ev('call.ended', 3780, { id: '5e', data: { endedBy: 'caller' } })],
  // 2026-10-05T16:30Z = 00:30 on 6 Oct in Shanghai; pressed a key after 45 s
  c6: [ev('call.queued', 55_800, { id: '6q' }), ev('call.abandoned', 55_845, { id: '6x', data: { reason: 'key', waitMs: 45_000 } })],
  // wait 5 s, never ended → closed by timeout with talk 0
  c7: [ev('call.queued', 400, { id: '7q' }), ev('call.answered', 405, { id: '7a', agentId: 'D' })],
  // outbound, never queued → not in a queue report
  c8: [ev('call.answered', 500, { id: '8a', agentId: 'A' }), ev('call.ended', 600, { id: '8e', data: { endedBy: 'agent' } })],
  // queued before the window
  c9: [ev('call.queued', -10, { id: '9q' }), ev('call.abandoned', -5, { id: '9x', data: { reason: 'hangup' } })],
};
const facts: CallFacts[] = Object.entries(calls).map(([callId, events]) =>
  closeByTimeout(deriveCallFacts(events.map((e) => ({ ...e, callId })), P), T0 + 2 * 86_400_000, P));
const report = computeQueueStats(facts, { targetMs: 20_000, timeZone: 'Asia/Shanghai', from: T0, to: T0 + 86_400_000 });

describe('computeQueueStats (hand-computed)', () => {
  it('counts the window: c1–c7 offered, 4 answered, 3 abandoned (2 after target), 1 timeout', () => {
    expect(report.overall).toMatchObject({
      offered: 7, answered: 4, timeouts: 1, answeredWithinTarget: 3, ringNoAnswer: 1,
      abandoned: { total: 3, afterTarget: 2, hangup: 1, timeout: 1, empty: 0, key: 1, withdraw: 0 },
      averageSpeedOfAnswerMs: 15_000, // (10 + 25 + 20 + 5) s / 4
      talk: { totalMs: 205_000, averageMs: 51_250 }, // 60 + 85 + 60 + 0 s over 4 answered
      hold: { totalMs: 30_000, averageMs: 7_500 },
      averageRingMs: 8_000, // (4 + 15 + 5) s / 3 legs with a known ring
    });
  });

  it('gives the three service-level variants', () => {
    expect(report.overall.serviceLevel).toEqual({
      ofAnswered: 0.75, // 3 / 4
      ofAnsweredAndAbandoned: 0.4286, // 3 / 7 = 0.428571…
      ofAnsweredAndAbandonedAfterTarget: 0.5, // 3 / (4 + 2)
    });
  });

  it('bins waits by 15 s counting the upper edge, as the service level does, up to the longest wait (45 s)', () => {
    expect(report.overall.waitDistribution).toEqual([
      { fromMs: 0, toMs: 15_000, calls: 3, answered: 2, abandoned: 1 }, // c1 10, c4 10, c7 5
      { fromMs: 15_000, toMs: 30_000, calls: 3, answered: 2, abandoned: 1 }, // c2 25, c5 20, c3 30 (a wait on the edge is within it)
      { fromMs: 30_000, toMs: 45_000, calls: 1, answered: 0, abandoned: 1 }, // c6 45
    ]);
    expect(report.overall.answeredWithin).toEqual([
      { withinMs: 15_000, answered: 2, ofAnswered: 0.5 },
      { withinMs: 30_000, answered: 4, ofAnswered: 1 },
      { withinMs: 45_000, answered: 4, ofAnswered: 1 },
    ]);
  });

  it('echoes the window as ISO-8601 with the zone offset', () => {
    expect([report.from, report.to]).toEqual(['2026-10-05T09:00:00.000+08:00', '2026-10-06T09:00:00.000+08:00']);
  });

  it('breaks down by local day and hour in the time zone', () => {
    expect(report.days.map((d) => [d.day, d.offered])).toEqual([['2026-10-05', 6], ['2026-10-06', 1]]);
    expect(report.hours.map((h) => [h.hour, h.offered])).toEqual([['2026-10-05T09', 5], ['2026-10-05T10', 1], ['2026-10-06T00', 1]]);
    expect(report.days[1]).toMatchObject({ answered: 0, averageSpeedOfAnswerMs: null, talk: { totalMs: 0, averageMs: null },
      serviceLevel: { ofAnswered: null, ofAnsweredAndAbandoned: 0, ofAnsweredAndAbandonedAfterTarget: 0 } });
    expect(report.days[1].waitDistribution.map((b) => b.calls)).toEqual([0, 0, 1]); // same shape as overall
    // 09:00 hour: c1, c2, c3, c4, c7 → within 2 of 3 answered; ASA (10 + 25 + 5) / 3 = 13 333.3
    expect(report.hours[0]).toMatchObject({ averageSpeedOfAnswerMs: 13_333,
      serviceLevel: { ofAnswered: 0.6667, ofAnsweredAndAbandoned: 0.4, ofAnsweredAndAbandonedAfterTarget: 0.5 } });
  });

  it('uses the bin width and zone given; UTC puts c6 on 5 Oct', () => {
    const utc = computeQueueStats(facts, { targetMs: 20_000, timeZone: 'UTC', from: T0, to: T0 + 86_400_000, binMs: 30_000 });
    expect(utc.days.map((d) => d.day)).toEqual(['2026-10-05']);
    expect(utc.overall.waitDistribution.map((b) => [b.fromMs, b.calls])).toEqual([[0, 6], [30_000, 1]]); // 30 s is within the first
  });

  it('returns nulls, not NaN, for an empty window and rejects a bad zone', () => {
    const empty = computeQueueStats(facts, { targetMs: 20_000, timeZone: 'Asia/Shanghai', from: 0, to: 1 });
    expect(empty.overall).toMatchObject({ offered: 0, averageSpeedOfAnswerMs: null, averageRingMs: null, waitDistribution: [],
      serviceLevel: { ofAnswered: null, ofAnsweredAndAbandoned: null, ofAnsweredAndAbandonedAfterTarget: null } });
    expect(() => computeQueueStats(facts, { targetMs: 1, timeZone: 'Mars/Olympus', from: 0, to: 1 })).toThrow('unknown time zone');
  });
});
