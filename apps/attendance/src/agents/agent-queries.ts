import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { cursorKey, limitOf, mapPage, pageOf, type Page } from '@app/platform';
import { unknownAgent } from '../attendance.errors';
import { assertSelf } from '../http/actor';
import { AgentStore, type StoredAgent } from '../store/agent.store';
import { reachFilter } from '../store/reach';
import type { AgentListQuery } from './agent-list.query';
import type { AgentView } from './agent.view';

/** The record as held, with its version; `levelEffectiveFrom` is null for an agent stored before it existed. */
const view = ({ record, version }: StoredAgent): AgentView => ({ ...record, levelEffectiveFrom: record.levelEffectiveFrom ?? null, version });

@Injectable()
export class AgentQueries {
  constructor(
    private readonly agents: AgentStore,
    private readonly teams: TeamScope,
  ) {}

  /** A page of the directory by agentId (a supervisor or QA inspector: the people of their own teams). */
  async list(user: AuthenticatedUser, q: AgentListQuery): Promise<Page<AgentView>> {
    const limit = limitOf(q);
    const [after] = (cursorKey(q, ['string']) ?? []) as string[];
    const reach = reachFilter(await this.teams.reachOf(user));
    const rows = await this.agents.page({ team: q.team, active: q.active === undefined ? undefined : q.active === 'true', reach, after, take: limit + 1 });
    return mapPage(pageOf(rows, limit, (a) => [a.record.agentId]), view);
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
