import { isCallOpen, isLegRinging, ringingSince } from './call-predicates';
import { closeByTimeout, deriveCallFacts } from './derive-call-facts';
import { DEFAULT_TELEPHONY_POLICY as P } from '../telephony-policy';
import { T0, ev } from '../testing/call-event-builder';

describe('the call and leg predicates', () => {
  const ringing = deriveCallFacts([ev('call.queued', 0, { id: 'q' }), ev('call.offered', 5, { id: 'o1', agentId: 'A' }), ev('call.offered', 7, { id: 'o2', agentId: 'B' })], P);

  it('an open call with two ringing legs rings since the first offer', () => {
    expect(isCallOpen(ringing)).toBe(true);
    expect(ringing.legs.map(isLegRinging)).toEqual([true, true]);
    expect(ringingSince(ringing)).toBe(T0 + 5_000);
  });

  it('answered, missed, abandoned and timed-out calls ring no more', () => {
    const answered = deriveCallFacts([...[ev('call.offered', 5, { id: 'o1', agentId: 'A' })], ev('call.answered', 9, { id: 'a', agentId: 'A' })], P);
    expect([isLegRinging(answered.legs[0]), ringingSince(answered)]).toEqual([false, null]);
    const missed = deriveCallFacts([ev('call.offered', 5, { id: 'o1', agentId: 'A' }), ev('call.missed', 20, { id: 'm', agentId: 'A' })], P);
    expect(ringingSince(missed)).toBeNull();
    const abandoned = deriveCallFacts([ev('call.offered', 5, { id: 'o1', agentId: 'A' }), ev('call.abandoned', 20, { id: 'x', data: { reason: 'hangup' } })], P);
    expect([isCallOpen(abandoned), ringingSince(abandoned)]).toEqual([false, null]);
    const closed = closeByTimeout(ringing, T0 + P.callTimeoutMs + 60_000, P);
    expect([isCallOpen(closed), ringingSince(closed)]).toEqual([false, null]);
  });
});
