import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { unknownAgent } from '../attendance.errors';
import type { AgentRecord } from '../domain/agent-record';
import { assertSelf } from '../http/actor';
import { AgentStore, type StoredAgent } from '../store/agent.store';

/** The record as held, with its version; `levelEffectiveFrom` is null for an agent stored before it existed. */
export type AgentView = Omit<AgentRecord, 'levelEffectiveFrom'> & { levelEffectiveFrom: string | null; version: number };

const view = ({ record, version }: StoredAgent): AgentView => ({ ...record, levelEffectiveFrom: record.levelEffectiveFrom ?? null, version });

@Injectable()
export class AgentQueries {
  constructor(
    private readonly agents: AgentStore,
    private readonly teams: TeamScope,
  ) {}

  /** The directory (a supervisor or QA inspector: the people of their own teams). */
  async list(user: AuthenticatedUser, team?: string, active?: string): Promise<AgentView[]> {
    const list = await this.agents.list({ team, active: active === undefined ? undefined : active === 'true' });
    return (await this.teams.filter(user, list, (a) => a.record.agentId)).map(view);
  }

  /** One agent; an agent may read only themself, a supervisor or QA inspector the people of their teams. */
  async get(agentId: string, user: AuthenticatedUser): Promise<AgentView> {
    assertSelf(user, agentId);
    const a = (await this.agents.find([agentId])).get(agentId);
    if (!a) throw unknownAgent(agentId);
    await this.teams.assertReaches(user, agentId);
    return view(a);
  }
}
