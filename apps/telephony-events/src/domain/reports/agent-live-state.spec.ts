import { agentLiveState, type LatestCallActivity } from './agent-live-state';

const call = (type: LatestCallActivity['type'], at: number, callEndedAt: number | null = null): LatestCallActivity => ({ type, at, callId: 'c', callEndedAt });

describe('agentLiveState', () => {
  it.each([
    ['call.offered', null, 'ringing', 100],
    ['call.answered', null, 'talking', 100],
    ['call.hold', null, 'on-hold', 100],
    ['call.resumed', null, 'talking', 100],
    ['call.ended', 100, 'wrap-up', 100],
    ['call.transferred', null, 'wrap-up', 100],
    ['call.missed', null, 'idle', 100],
    ['call.wrapup.ended', null, 'idle', 100],
    ['call.answered', 300, 'wrap-up', 300], // the call ended without an agent-side end event
    ['call.offered', 300, 'idle', 300], // the caller left while it rang
  ] as const)('after %s (call ended at %s) the agent is %s since %s', (type, endedAt, state, since) => {
    expect(agentLiveState('A', call(type, 100, endedAt), null)).toMatchObject({ state, since });
  });

  it('a call in progress wins over a pause; a pause after the call shows with its reason', () => {
    expect(agentLiveState('A', call('call.answered', 100), { kind: 'pause', at: 200, reason: 'lunch' })).toMatchObject({ state: 'talking', since: 100 });
    expect(agentLiveState('A', call('call.wrapup.ended', 100), { kind: 'pause', at: 200, reason: 'lunch' })).toEqual({ agentId: 'A', state: 'paused', since: 200, reason: 'lunch' });
    expect(agentLiveState('A', call('call.wrapup.ended', 300), { kind: 'pause', at: 200, reason: 'lunch' })).toMatchObject({ state: 'paused', since: 200 });
  });

  it('logged out after a logout, idle after login or unpause, nothing without any activity', () => {
    expect(agentLiveState('A', call('call.wrapup.ended', 100), { kind: 'logout', at: 200 })).toMatchObject({ state: 'logged-out', since: 200 });
    expect(agentLiveState('A', null, { kind: 'login', at: 200 })).toMatchObject({ state: 'idle', since: 200 });
    expect(agentLiveState('A', call('call.answered', 100), { kind: 'logout', at: 200 })).toMatchObject({ state: 'logged-out' });
    expect(agentLiveState('A', null, null)).toBeNull();
  });
});
