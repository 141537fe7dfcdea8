import type { AuthenticatedUser, TeamScope } from '@app/auth';
import { QaErrors } from '../qa-evaluation.errors';

/** A user whose only role is `agent`: sees and acts on their own records alone. */
export function isAgentOnly(user: AuthenticatedUser): boolean {
  return user.roles.every((r) => r === 'agent');
}

/** The agent a list is about: an agent always gets their own, whatever they asked for. */
export function agentFilterFor(user: AuthenticatedUser, requested: string | undefined): string | undefined {
  if (!isAgentOnly(user)) return requested;
  if (requested !== undefined && requested !== user.agentId) throw QaErrors.notYours();
  return user.agentId ?? '\u0000none';
}

/**
 * The agent a list is about, as agentFilterFor, and checked against the caller's teams: a supervisor or QA
 * inspector naming someone outside the teams they lead gets 403 AUTH.OUTSIDE_YOUR_TEAM (the list itself is
 * then cut down with TeamScope.filter).
 */
export async function agentFilterInTeams(teams: TeamScope, user: AuthenticatedUser, requested: string | undefined): Promise<string | undefined> {
  const agentId = agentFilterFor(user, requested);
  if (requested !== undefined && !isAgentOnly(user)) await teams.assertReaches(user, requested);
  return agentId;
}

/** Throws unless an agent-only user is `agentId` (staff roles pass). */
export function assertOwnIfAgent(user: AuthenticatedUser, agentId: string | null): void {
  if (isAgentOnly(user) && user.agentId !== agentId) throw QaErrors.notYours();
}

/** For the agent's own actions (acknowledge, dispute, appeal): the caller must be that agent. */
export function assertIsAgent(user: AuthenticatedUser, agentId: string | null): void {
  if (!user.agentId || user.agentId !== agentId) throw QaErrors.notYours();
}
