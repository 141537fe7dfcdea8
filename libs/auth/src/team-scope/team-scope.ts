import { Injectable } from '@nestjs/common';
import { actingRoles, type AuthenticatedUser } from '../authenticated-user';
import { NotYourRecordError, OutsideTeamError } from './outside-team.error';
import { TeamDirectory } from './team-directory';
import { reaches, scopeKindOf, teamsLedBy, type Reach } from './team-rule';

/** Whom an item is about: one person, several (a swap's two), or nobody in particular (null). */
export type AboutWhom<T> = (item: T) => string | readonly string[] | null;

/**
 * Team scope at the edge of every service: the rule (team-rule.ts) over the service's own TeamDirectory.
 * Single-person reads and writes ask `assertReaches`; lists are cut down with `filter`.
 */
@Injectable()
export class TeamScope {
  constructor(private readonly directory: TeamDirectory) {}

  /** How far the user reaches with the roles the route admitted them by. */
  async reachOf(user: AuthenticatedUser): Promise<Reach> {
    const roles = actingRoles(user);
    const kind = scopeKindOf(roles);
    if (kind === 'all') return { all: true };
    const self = roles.includes('agent') ? (user.agentId ?? null) : null;
    if (kind === 'self') return { all: false, self, teams: new Set() };
    return { all: false, self, teams: teamsLedBy(user.sub, await this.directory.around(user.sub)) };
  }

  /** Those of `agentIds` the reach does not cover (people not in the directory among them), in their order. */
  async outside(reach: Reach, agentIds: readonly string[]): Promise<string[]> {
    if (reach.all) return [];
    const pending = [...new Set(agentIds)].filter((id) => id !== reach.self);
    if (pending.length === 0 || reach.teams.size === 0) return pending;
    const teams = new Map((await this.directory.entries(pending)).map((e) => [e.agentId, e.team]));
    return pending.filter((id) => !reaches(reach, id, teams.get(id)));
  }

  /**
   * 403 unless the user reaches every one of these people: `AUTH.OUTSIDE_YOUR_TEAM` for a supervisor or QA
   * inspector, `AUTH.NOT_YOUR_RECORD` for an agent.
   */
  async assertReaches(user: AuthenticatedUser, agentIds: string | readonly string[]): Promise<void> {
    const reach = await this.reachOf(user);
    const outside = await this.outside(reach, typeof agentIds === 'string' ? [agentIds] : agentIds);
    if (outside.length === 0) return;
    if (!reach.all && scopeKindOf(actingRoles(user)) === 'self') throw new NotYourRecordError();
    throw new OutsideTeamError(outside);
  }

  /**
   * The items the user may see, in their order: an item about several people is kept when any of them is within
   * reach; one about nobody in particular is kept only with `keepUnattributed`.
   */
  async filter<T>(user: AuthenticatedUser, items: readonly T[], about: AboutWhom<T>, opts: { keepUnattributed?: boolean } = {}): Promise<T[]> {
    const reach = await this.reachOf(user);
    if (reach.all) return [...items];
    const idsOf = (item: T): readonly string[] => {
      const who = about(item);
      return who === null ? [] : typeof who === 'string' ? [who] : who;
    };
    const everyone = [...new Set(items.flatMap(idsOf))];
    const outside = new Set(await this.outside(reach, everyone));
    return items.filter((item) => {
      const ids = idsOf(item);
      return ids.length === 0 ? opts.keepUnattributed === true : ids.some((id) => !outside.has(id));
    });
  }
}
