import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SUBJECTS } from '@app/contracts';
import { JetStreamEventPattern } from '@app/messaging';
import { KeepAgentCopy } from './keep-agent-copy';

@Controller()
export class AgentUpsertedConsumer {
  constructor(private readonly keep: KeepAgentCopy) {}

  @JetStreamEventPattern(SUBJECTS.attendance.agentUpserted)
  async onUpserted(@Payload() payload: unknown): Promise<void> {
    await this.keep.execute(payload);
  }
}
