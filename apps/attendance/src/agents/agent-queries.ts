import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@app/auth';
import { unknownAgent } from '../attendance.errors';
import type { AgentRecord } from '../domain/agent-record';
import { assertSelf } from '../http/actor';
import { AgentStore } from '../store/agent.store';

export type AgentView = AgentRecord & { version: number };

@Injectable()
export class AgentQueries {
  constructor(private readonly agents: AgentStore) {}

  async list(team?: string, active?: string): Promise<AgentView[]> {
    const list = await this.agents.list({ team, active: active === undefined ? undefined : active === 'true' });
    return list.map((a) => ({ ...a.record, version: a.version }));
  }

  /** One agent; an agent may read only themself. */
  async get(agentId: string, user: AuthenticatedUser): Promise<AgentView> {
    assertSelf(user, agentId);
    const a = (await this.agents.find([agentId])).get(agentId);
    if (!a) throw unknownAgent(agentId);
    return { ...a.record, version: a.version };
  }
}
