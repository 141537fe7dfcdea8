import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SUBJECTS, type AgentUpsertedEvent } from '@app/contracts';
import { JetStreamEventPattern, NonRetryableMessageError } from '@app/messaging';
import { AgentTeamsStore } from '../store/agent-teams.store';

/** `attendance.agent.upserted` → telephony's copy of the teams, so a supervisor's statistics cover their own teams. */
@Controller()
export class AgentUpsertedConsumer {
  constructor(private readonly teams: AgentTeamsStore) {}

  @JetStreamEventPattern(SUBJECTS.attendance.agentUpserted)
  async onUpserted(@Payload() e: AgentUpsertedEvent): Promise<void> {
    if (typeof e?.agentId !== 'string' || !Number.isInteger(e.version)) throw new NonRetryableMessageError('agent event without agentId or version');
    await this.teams.save(e);
  }
}
