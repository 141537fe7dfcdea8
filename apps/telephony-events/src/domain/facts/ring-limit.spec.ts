import { detectCallAlerts, isLive } from '../alerts/alert-rules';
import { deriveCallFacts } from './derive-call-facts';
import { pastRingLimit, ringingAt, ringsIn } from './ring-limit';
import { DEFAULT_TELEPHONY_POLICY as P } from '../telephony-policy';
import { T0, ev } from '../testing/call-event-builder';

describe('ring limit (3 rings of a 5 s cycle = 15 s by default)', () => {
  it('counts ring bursts begun and is strictly past the limit', () => {
    expect([ringsIn(1, P), ringsIn(5_000, P), ringsIn(5_001, P), ringsIn(15_000, P)]).toEqual([1, 1, 2, 3]);
    expect([pastRingLimit(15_000, P), pastRingLimit(15_001, P)]).toEqual([false, true]);
  });

  const ringing = deriveCallFacts([ev('call.queued', 0, { id: 'q' }), ev('call.offered', 2, { id: 'o', agentId: 'A' })], P);

  it('raises the ring alert while the phone is still ringing, with the key the answer would give', () => {
    expect(detectCallAlerts(ringingAt(ringing, T0 + 17_000, P), P).map((a) => a.kind)).toEqual([]); // 15 s exactly: within
    const now = T0 + 17_001; // rang 15.001 s
    const [alert] = detectCallAlerts(ringingAt(ringing, now, P), P);
    expect(alert).toMatchObject({ kind: 'call.ring-limit-exceeded', agentId: 'A', facts: { ringMs: 15_001, rings: 4 } });
    const answered = deriveCallFacts(
      [ev('call.queued', 0, { id: 'q' }), ev('call.offered', 2, { id: 'o', agentId: 'A' }), ev('call.answered', 20, { id: 'a', agentId: 'A' })],
      P,
    );
    expect(detectCallAlerts(answered, P)[0].dedupeKey).toBe(alert.dedupeKey);
  });

  it('leaves answered, missed and ended legs as they are', () => {
    const missed = deriveCallFacts([ev('call.offered', 0, { id: 'o', agentId: 'A' }), ev('call.missed', 10, { id: 'm', agentId: 'A' })], P);
    expect(ringingAt(missed, T0 + 60_000, P)).toEqual(missed);
  });
});

describe('live alerts', () => {
  it('page only about situations proven within the policy window (1 h by default)', () => {
    expect(isLive(T0, T0 + 3_600_000, P)).toBe(true);
    expect(isLive(T0, T0 + 3_600_001, P)).toBe(false);
  });
});
