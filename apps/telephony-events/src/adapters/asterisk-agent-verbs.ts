import { AgentStateEvent, AgentStateKind } from '../domain/events/call-event';
import { QueueLogLine, given } from './asterisk-queue-log-line';
import { queueLogEventId } from './asterisk-call-verbs';

/** Agent verbs: the state they mean and which data field (if any) holds a reason. */
export const AGENT_VERBS: Record<string, { kind: AgentStateKind; reasonIndex?: number; allQueues?: boolean }> = {
  ADDMEMBER: { kind: 'member.added' },
  REMOVEMEMBER: { kind: 'member.removed' },
  PAUSE: { kind: 'pause', reasonIndex: 0 },
  UNPAUSE: { kind: 'unpause', reasonIndex: 0 },
  PAUSEALL: { kind: 'pause', reasonIndex: 0, allQueues: true },
  UNPAUSEALL: { kind: 'unpause', reasonIndex: 0, allQueues: true },
  AGENTLOGIN: { kind: 'login' }, // channel
  AGENTLOGOFF: { kind: 'logout' }, // channel|logintime
  AGENTCALLBACKLOGIN: { kind: 'login' }, // exten@context
  AGENTCALLBACKLOGOFF: { kind: 'logout', reasonIndex: 2 }, // exten@context|logintime|reason
};

export function agentStateOf(line: QueueLogLine, agentId: string): AgentStateEvent {
  const verb = AGENT_VERBS[line.verb];
  const state: AgentStateEvent = {
    eventId: queueLogEventId(line),
    agentId,
    kind: verb.kind,
    occurredAt: new Date(line.epochMs).toISOString(),
    at: line.epochMs,
  };
  if (!verb.allQueues && given(line.queue)) state.queue = line.queue;
  const reason = verb.reasonIndex === undefined ? undefined : line.data(verb.reasonIndex);
  if (given(reason)) state.reason = reason;
  return state;
}
