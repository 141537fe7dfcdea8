import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@app/auth';
import { unknownAgent } from '../attendance.errors';
import type { AgentRecord } from '../domain/agent-record';
import { assertSelf } from '../http/actor';
import { AgentStore, type StoredAgent } from '../store/agent.store';

/** The record as held, with its version; `levelEffectiveFrom` is null for an agent stored before it existed. */
export type AgentView = Omit<AgentRecord, 'levelEffectiveFrom'> & { levelEffectiveFrom: string | null; version: number };

const view = ({ record, version }: StoredAgent): AgentView => ({ ...record, levelEffectiveFrom: record.levelEffectiveFrom ?? null, version });

@Injectable()
export class AgentQueries {
  constructor(private readonly agents: AgentStore) {}

  async list(team?: string, active?: string): Promise<AgentView[]> {
    const list = await this.agents.list({ team, active: active === undefined ? undefined : active === 'true' });
    return list.map(view);
  }

  /** One agent; an agent may read only themself. */
  async get(agentId: string, user: AuthenticatedUser): Promise<AgentView> {
    assertSelf(user, agentId);
    const a = (await this.agents.find([agentId])).get(agentId);
    if (!a) throw unknownAgent(agentId);
    return view(a);
  }
}
