import { Injectable } from '@nestjs/common';
import type { AgentUpsertedEvent } from '@app/contracts';
import { NonRetryableMessageError } from '@app/messaging';
import { AgentDirectory } from '../store/agent-directory';

/** `attendance.agent.upserted` → this service's copy of the person (highest version wins). */
@Injectable()
export class KeepAgentCopy {
  constructor(private readonly directory: AgentDirectory) {}

  async execute(payload: unknown): Promise<boolean> {
    const e = payload as Partial<AgentUpsertedEvent> | null;
    const bad = [
      typeof e?.agentId !== 'string' || !e.agentId ? 'agentId' : null,
      typeof e?.team !== 'string' ? 'team' : null,
      typeof e?.version !== 'number' || !Number.isInteger(e.version) ? 'version' : null,
      typeof e?.role !== 'string' ? 'role' : null,
    ].filter(Boolean);
    if (bad.length) throw new NonRetryableMessageError(`agent record without a valid ${bad.join(', ')}`, 'NOTIFICATION.AGENT_INVALID');
    const event = e as AgentUpsertedEvent;
    return this.directory.upsert({ ...event, name: event.name ?? event.agentId, email: event.email ?? null, supervisorId: event.supervisorId ?? null, active: event.active !== false });
  }
}
