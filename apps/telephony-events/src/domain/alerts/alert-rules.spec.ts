import { detectCallAlerts, detectQualitySampleAlert } from './alert-rules';
import { deriveCallFacts } from '../facts/derive-call-facts';
import { DEFAULT_TELEPHONY_POLICY as P } from '../telephony-policy';
import { T0, ev } from '../testing/call-event-builder';

describe('detectCallAlerts', () => {
  // A misses after 16 s (> 15 s), B answers after 17 s ring, holds 121 s once, line degrades.
  const events = [
    ev('call.queued', 0, { id: 'q', queue: 'sales' }),
    ev('call.offered', 0, { id: 'oa', agentId: 'A' }),
    ev('call.missed', 16, { id: 'ma', agentId: 'A' }),
    ev('call.offered', 16, { id: 'ob', agentId: 'B' }),
    ev('call.answered', 33, { id: 'ab', agentId: 'B' }),
    ev('call.hold', 40, { id: 'h', agentId: 'B' }),
    ev('call.resumed', 161, { id: 'r', agentId: 'B' }),
    ev('call.quality', 170, { id: 'qs', agentId: 'B', data: { mos: 3.4, jitterMs: 31, packetLossPct: 2 } }),
    ev('call.ended', 200, { id: 'e', data: { endedBy: 'agent' } }),
  ];
  const alerts = detectCallAlerts(deriveCallFacts(events, P), P);

  it('raises each rule once, in a fixed order, with deterministic keys', () => {
    const a = `A@${T0}`; // legs are keyed by agent and offer instant, not by position
    const b = `B@${T0 + 16_000}`;
    expect(alerts.map((x) => [x.kind, x.agentId, x.severity, x.dedupeKey])).toEqual([
      ['call.ring-limit-exceeded', 'A', 'warning', `call-1:${a}:call.ring-limit-exceeded`],
      ['call.ring-no-answer', 'A', 'info', `call-1:${a}:call.ring-no-answer`],
      ['call.ring-limit-exceeded', 'B', 'warning', `call-1:${b}:call.ring-limit-exceeded`],
      ['call.long-hold', 'B', 'warning', `call-1:${b}:call.long-hold`],
      ['call.poor-quality', undefined, 'warning', 'call-1:call:call.poor-quality'],
    ]);
  });

  it('keeps the keys of existing alerts when a late event adds an earlier leg', () => {
    const earlier = [ev('call.offered', -30, { id: 'oz', agentId: 'Z' }), ev('call.missed', -25, { id: 'mz', agentId: 'Z', data: { ringMs: 5_000 } })];
    const later = detectCallAlerts(deriveCallFacts([...events, ...earlier], P), P).map((x) => x.dedupeKey);
    expect(later).toEqual(expect.arrayContaining(alerts.map((x) => x.dedupeKey)));
  });

  it('writes bilingual titles and bodies with the measured numbers', () => {
    expect(alerts[0].title).toBe('响铃超时 / Ring limit exceeded');
    // 16 s / 5 s = 3.2 → 4 ring bursts begun
    expect(alerts[0].body).toBe("坐席 A 的电话响铃 4 声(16 秒)未接起,超过 3 声上限 / Agent A's phone rang 4 times (16 s) unanswered, over the 3-ring limit");
    expect(alerts[2].body).toContain('17 秒)后才接起');
    expect(alerts[3].body).toBe('坐席 B 单次搁置来电 121 秒,超过 120 秒 / Agent B kept the caller on hold for 121 s at a stretch, over 120 s');
    // jitter 31 > 30 breaches; loss 2 = 2 does not
    expect(alerts[4].body).toBe('MOS 3.4 低于 3.5,抖动 31 毫秒 高于 30 毫秒 / MOS 3.4 below 3.5, jitter 31 ms above 30 ms');
    expect(alerts[0].facts).toEqual({ callId: 'call-1', legIndex: 0, agentId: 'A', offeredAt: T0, answeredAt: null,
      ringMs: 16_000, rings: 4, missed: true, ringLimitRings: 3, ringCycleMs: 5_000 });
  });

  it('raises nothing for a clean call and the same alerts on re-derivation', () => {
    const clean = [ev('call.queued', 0, { id: 'q' }), ev('call.answered', 15, { id: 'a', agentId: 'A', data: { ringMs: 15_000 } }),
      ev('call.hold', 20, { id: 'h', agentId: 'A' }), ev('call.resumed', 140, { id: 'r', agentId: 'A' }),
      ev('call.quality', 150, { id: 'qs', data: { mos: 3.5, jitterMs: 30, packetLossPct: 2 } })];
    expect(detectCallAlerts(deriveCallFacts(clean, P), P)).toEqual([]); // every value exactly at its limit
    expect(detectCallAlerts(deriveCallFacts([...events].reverse(), P), P)).toEqual(alerts);
  });

  it('raises a long-wait abandonment only past longWaitAbandonMs', () => {
    const abandon = (waitMs: number) => detectCallAlerts(deriveCallFacts(
      [ev('call.abandoned', 90, { id: 'x', queue: 'sales', data: { reason: 'timeout', waitMs } })], P), P);
    expect(abandon(60_000)).toEqual([]);
    expect(abandon(90_000)).toEqual([{
      kind: 'call.long-wait-abandoned', severity: 'warning', title: '长时间等待后放弃 / Abandoned after a long wait',
      body: '来电等待 90 秒后离开队列(排队超时) / Caller left the queue after waiting 90 s (queue timeout)',
      facts: { callId: 'call-1', queue: 'sales', waitMs: 90_000, reason: 'timeout', longWaitAbandonMs: 60_000 },
      dedupeKey: 'call-1:call:call.long-wait-abandoned',
    }]);
  });
});

describe('detectQualitySampleAlert', () => {
  it('flags a single poor sample with the same key the call summary uses', () => {
    const alert = detectQualitySampleAlert(ev('call.quality', 5, { id: 's1', agentId: 'A', data: { mos: 4, jitterMs: 5, packetLossPct: 2.5 } }), P);
    expect(alert).toEqual({
      kind: 'call.poor-quality', severity: 'warning', agentId: 'A', title: '通话质量差 / Poor call quality',
      body: '丢包 2.5% 高于 2% / packet loss 2.5% above 2%',
      facts: { callId: 'call-1', mos: 4, jitterMs: 5, packetLossPct: 2.5, eventId: 's1', mosMin: 3.5, jitterMsMax: 30, packetLossPctMax: 2 },
      dedupeKey: 'call-1:call:call.poor-quality',
    });
  });

  it('ignores good samples and other event types', () => {
    expect(detectQualitySampleAlert(ev('call.quality', 5, { id: 's', data: { mos: 3.5, jitterMs: 30, packetLossPct: 2 } }), P)).toBeNull();
    expect(detectQualitySampleAlert(ev('call.queued', 5, { id: 'q' }), P)).toBeNull();
  });
});
