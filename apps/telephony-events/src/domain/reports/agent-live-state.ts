import { CallEventType } from '../events/call-event';
import { AgentStateKind } from '../events/agent-state-event';

export type AgentLiveStateName = 'logged-out' | 'idle' | 'ringing' | 'talking' | 'on-hold' | 'wrap-up' | 'paused';

export interface AgentLiveState {
  agentId: string;
  state: AgentLiveStateName;
  /** Epoch ms the state began. */
  since: number;
  reason?: string;
  callId?: string;
}

/** The agent's latest call event of a kind that changes their state, with its call's outcome so far. */
export interface LatestCallActivity {
  type: CallEventType;
  at: number;
  callId: string;
  /** When the call ended (or was abandoned or closed by timeout); null while it goes on. */
  callEndedAt: number | null;
}

/** The agent's latest presence change (login, logout, pause…). */
export interface LatestPresence {
  kind: AgentStateKind;
  at: number;
  reason?: string;
}

/** Call event types that change what an agent is doing (quality samples and ratings do not). */
export const STATE_CHANGING_TYPES: readonly CallEventType[] = [
  'call.offered', 'call.answered', 'call.hold', 'call.resumed', 'call.missed', 'call.transferred', 'call.ended', 'call.wrapup.ended',
];

/** What a call event leaves the agent doing, before the call's end is considered. */
function afterCallEvent(a: LatestCallActivity): { state: AgentLiveStateName; since: number } {
  switch (a.type) {
    case 'call.offered':
      return { state: 'ringing', since: a.at };
    case 'call.answered':
    case 'call.resumed':
      return { state: 'talking', since: a.at };
    case 'call.hold':
      return { state: 'on-hold', since: a.at };
    case 'call.transferred':
    case 'call.ended':
      return { state: 'wrap-up', since: a.at };
    default: // missed, wrap-up ended
      return { state: 'idle', since: a.at };
  }
}

/**
 * The agent's state now. A call in progress wins over presence (an agent paused mid-call is still
 * talking); once the call has ended, an agent who was on it is in wrap-up until wrap-up ends, and a
 * phone that was ringing stops ringing. Otherwise presence decides: logged out, paused, or idle.
 */
export function agentLiveState(agentId: string, call: LatestCallActivity | null, presence: LatestPresence | null): AgentLiveState | null {
  let fromCall: AgentLiveState | null = null;
  if (call) {
    const s = afterCallEvent(call);
    if (call.callEndedAt !== null && call.callEndedAt >= call.at && (s.state === 'talking' || s.state === 'on-hold')) {
      fromCall = { agentId, state: 'wrap-up', since: call.callEndedAt, callId: call.callId };
    } else if (call.callEndedAt !== null && s.state === 'ringing') {
      fromCall = { agentId, state: 'idle', since: call.callEndedAt };
    } else {
      fromCall = { agentId, state: s.state, since: s.since, ...(s.state === 'idle' ? {} : { callId: call.callId }) };
    }
  }
  const busy = fromCall !== null && fromCall.state !== 'idle';
  const presenceNewer = presence !== null && (fromCall === null || presence.at >= fromCall.since);
  if (busy && !(presenceNewer && presence?.kind === 'logout')) return fromCall;
  if (presence && presenceNewer) {
    if (presence.kind === 'logout') return { agentId, state: 'logged-out', since: presence.at };
    if (presence.kind === 'pause') return { agentId, state: 'paused', since: presence.at, ...(presence.reason ? { reason: presence.reason } : {}) };
    return { agentId, state: 'idle', since: presence.at };
  }
  if (presence?.kind === 'pause' && fromCall?.state === 'idle') return { agentId, state: 'paused', since: presence.at, ...(presence.reason ? { reason: presence.reason } : {}) };
  if (presence?.kind === 'logout' && fromCall?.state === 'idle') return { agentId, state: 'idle', since: fromCall.since };
  return fromCall;
}
