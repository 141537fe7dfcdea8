import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SUBJECTS } from '@app/contracts';
import { JetStreamEventPattern, NonRetryableMessageError } from '@app/messaging';
import { parseInstant } from '../domain/days/local-time';
import { AgentStateStore } from '../store/agent-state.store';

interface AgentStatePayload {
  eventId?: unknown;
  agentId?: unknown;
  kind?: unknown;
  occurredAt?: unknown;
}

/** `telephony.agent.state` (login, logout, pause): kept per agent for adherence to the roster. */
@Controller()
export class AgentStateConsumer {
  constructor(private readonly states: AgentStateStore) {}

  @JetStreamEventPattern(SUBJECTS.telephony.agentState)
  async onState(@Payload() s: AgentStatePayload): Promise<void> {
    const at = parseInstant(s?.occurredAt);
    if (typeof s?.eventId !== 'string' || typeof s.agentId !== 'string' || typeof s.kind !== 'string' || at === null) {
      throw new NonRetryableMessageError('agent state without eventId, agentId, kind or occurredAt');
    }
    await this.states.append({ eventId: s.eventId, agentId: s.agentId, kind: s.kind, at });
  }
}
