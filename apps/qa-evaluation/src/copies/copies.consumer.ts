import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SUBJECTS, type AgentUpsertedEvent, type CallSummarizedEvent } from '@app/contracts';
import { JetStreamEventPattern, NonRetryableMessageError } from '@app/messaging';
import { AgentDirectory } from '../store/agent-directory';
import { CallCopyStore } from '../store/call-copy.store';

/** qa's own copies of the facts it shows and samples from: calls (highest version) and agents. */
@Controller()
export class CopiesConsumer {
  constructor(
    private readonly calls: CallCopyStore,
    private readonly agents: AgentDirectory,
  ) {}

  @JetStreamEventPattern(SUBJECTS.telephony.callSummarized)
  async onCallSummarized(@Payload() e: CallSummarizedEvent): Promise<void> {
    if (typeof e?.callId !== 'string' || typeof e.version !== 'number' || !Array.isArray(e.legs)) throw new NonRetryableMessageError('call summary without callId, version or legs');
    await this.calls.save(e);
  }

  @JetStreamEventPattern(SUBJECTS.attendance.agentUpserted)
  async onAgentUpserted(@Payload() e: AgentUpsertedEvent): Promise<void> {
    if (typeof e?.agentId !== 'string' || typeof e.version !== 'number') throw new NonRetryableMessageError('agent event without agentId or version');
    await this.agents.save(e);
  }
}
