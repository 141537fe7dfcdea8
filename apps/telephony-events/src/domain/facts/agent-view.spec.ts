import { agentViewOf } from './agent-view';
import { deriveCallFacts } from './derive-call-facts';
import { DEFAULT_TELEPHONY_POLICY as P } from '../telephony-policy';
import { ev } from '../testing/call-event-builder';

// A answers, then transfers to B, who finishes the call.
const events = [
  ev('call.queued', 0, { id: 'q' }), ev('call.offered', 5, { id: 'oa', agentId: 'A' }), ev('call.answered', 8, { id: 'aa', agentId: 'A' }),
  ev('call.transferred', 60, { id: 't', agentId: 'A', data: { target: 'B' } }), ev('call.offered', 61, { id: 'ob', agentId: 'B' }),
  ev('call.answered', 63, { id: 'ab', agentId: 'B' }), ev('call.ended', 200, { id: 'e', agentId: 'B', data: { endedBy: 'caller' } }),
];
const facts = deriveCallFacts(events, P);

describe('agentViewOf a transferred call', () => {
  it('shows the agent their own leg and the queue part, never the other agent’s leg', () => {
    const a = agentViewOf(facts, events, 'A')!;
    expect(a.facts.legs.map((l) => l.agentId)).toEqual(['A']);
    expect(a.events.map((e) => e.eventId)).toEqual(['q', 'oa', 'aa', 't']);
    expect(a.facts.sourceEventIds.sort()).toEqual(['aa', 'oa', 'q', 't']);
    expect(a.facts.waitMs).toBe(facts.waitMs);
    expect(agentViewOf(facts, events, 'B')!.facts.legs.map((l) => l.agentId)).toEqual(['B']);
  });

  it('shows nothing to an agent without a leg', () => {
    expect(agentViewOf(facts, events, 'C')).toBeNull();
  });
});
