import type { Reach } from '@app/auth';

/**
 * A list's team scope (libs/auth team-rule.ts `reaches`) as SQL parameters, so a page is cut in the
 * query and holds `limit` rows the caller may see: `teams` null reaches everyone; otherwise the
 * people whose directory team is one of `teams`, and `self`.
 */
export interface ReachFilter {
  teams: string[] | null;
  self: string | null;
}

export const reachFilter = (reach: Reach): ReachFilter => (reach.all ? { teams: null, self: null } : { teams: [...reach.teams], self: reach.self });

/**
 * `reaches(reach, agentId, team)` in SQL, over the person's id and their team in attendance.agent
 * (null when the directory does not hold them: only `self` reaches them then). `$t`, `$s` are the
 * positions of `teams` and `self` among the statement's parameters. The team-scope matrix
 * (test/team-scope.int-spec.ts) checks every list against the rule.
 */
export const withinReach = (agentId: string, team: string, t: number, s: number): string =>
  `($${t}::text[] IS NULL OR ${team} = ANY($${t}::text[]) OR ${agentId} = $${s}::text)`;
