import { actingRoles, scopeKindOf, type AuthenticatedUser } from '@app/auth';

/**
 * What the token alone says about a caller's reach (TeamScope.reachOf before it reads the directory): everyone,
 * themself (an agent), and whose teams to look up (a supervisor or QA inspector leads the teams `teamsLedBy` finds
 * around their id). A write on the hot path checks the rest in its own statement (`callerReachesSql`) instead of
 * reading the directory twice first.
 */
export interface CallerReach {
  all: boolean;
  self: string | null;
  leader: string | null;
}

export function callerReachOf(user: AuthenticatedUser): CallerReach {
  const roles = actingRoles(user);
  const kind = scopeKindOf(roles);
  if (kind === 'all') return { all: true, self: null, leader: null };
  return { all: false, self: roles.includes('agent') ? (user.agentId ?? null) : null, leader: kind === 'teams' ? user.sub : null };
}

/**
 * `reaches(reachOf(caller), agent, team of agent)` as one SQL condition on qa's copy of the directory: everyone; the
 * caller themself; or a person whose record's team is one the caller leads — their own active record's team or that of
 * an active record naming them `supervisorId`, never '' (libs/auth team-rule `teamsLedBy`). A person the directory
 * lacks is outside. `agent` is a SQL expression, parameters from `$first`; the team-scope integration test holds it to
 * TeamScope on the same people.
 */
export function callerReachesSql(who: CallerReach, agent: string, first: number): { sql: string; params: unknown[] } {
  const [all, self, leader] = [`$${first}::boolean`, `$${first + 1}::text`, `$${first + 2}::text`];
  const sql = `COALESCE(${all} OR ${agent} = ${self} OR EXISTS (SELECT 1 FROM qa.agent m WHERE m.agent_id = ${agent} AND m.team IN (
      SELECT l.team FROM qa.agent l WHERE l.active AND l.team <> '' AND (l.agent_id = ${leader} OR l.supervisor_id = ${leader}))), false)`;
  return { sql, params: [who.all, who.self, who.leader] };
}
