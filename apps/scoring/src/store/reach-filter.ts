import type { Reach } from '@app/auth';

/**
 * A list's team scope (libs/auth team-rule.ts `reaches`) as SQL parameters, so a page is cut in the
 * query and holds up to `limit` cards the caller may see: `teams` null reaches everyone; otherwise
 * the people whose team in scoring.agent (the directory TeamScope reads) is one of `teams`, and `self`.
 */
export interface ReachFilter {
  teams: string[] | null;
  self: string | null;
}

export const EVERYONE: ReachFilter = { teams: null, self: null };

export const reachFilter = (reach: Reach): ReachFilter => (reach.all ? EVERYONE : { teams: [...reach.teams], self: reach.self });

/** `reaches(reach, agentId, team)` over `agentIdCol`; `$t`, `$s`: the positions of `teams` and `self` among the statement's parameters. */
export const withinReach = (agentIdCol: string, t: number, s: number): string =>
  `($${t}::text[] IS NULL OR ${agentIdCol} = $${s}::text OR ${agentIdCol} IN (SELECT agent_id FROM scoring.agent WHERE team = ANY($${t}::text[])))`;
