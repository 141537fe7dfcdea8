import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SUBJECTS } from '@app/contracts';
import { JetStreamEventPattern } from '@app/messaging';
import { IngestAgentStates } from './ingest-agent-states';

/** `telephony.agent.state`: one state or an array per message; feeds the live wallboard. */
@Controller()
export class AgentStateConsumer {
  constructor(private readonly ingest: IngestAgentStates) {}

  @JetStreamEventPattern(SUBJECTS.telephony.agentState)
  async onState(@Payload() payload: unknown): Promise<void> {
    await this.ingest.execute(Array.isArray(payload) ? payload : [payload]);
  }
}
