import type { Role } from '@app/contracts';

/**
 * Who acts on whose records (contracts.md, third round): a supervisor — and a QA inspector — on their own team(s);
 * an agent on themself; everyone else the route admits (hr, manager, admin, payroll, and the machine roles) on all.
 * Pure: no Nest, no database. `TeamScope` feeds it from the service's copy of attendance's directory.
 */
export const TEAM_SCOPED_ROLES: readonly Role[] = ['supervisor', 'qa'];

/** One person as attendance's agent directory holds them (each service keeps its own copy). */
export interface DirectoryEntry {
  agentId: string;
  team: string | null;
  supervisorId: string | null;
  active: boolean;
}

/** How far a caller reaches: everyone, or themself (an agent) plus the members of some teams. */
export type Reach = { all: true } | { all: false; self: string | null; teams: ReadonlySet<string> };

export type ScopeKind = 'all' | 'teams' | 'self';

/**
 * The widest kind among the roles: any role outside supervisor, qa and agent reaches all; else supervisor or qa
 * reach their teams (and, with agent too, themself); an agent alone reaches themself.
 */
export function scopeKindOf(roles: readonly Role[]): ScopeKind {
  if (roles.some((r) => r !== 'agent' && !TEAM_SCOPED_ROLES.includes(r))) return 'all';
  return roles.some((r) => TEAM_SCOPED_ROLES.includes(r)) ? 'teams' : 'self';
}

/**
 * The teams a person leads: the team of their own record and the teams of the people whose `supervisorId` is
 * them, counting active records only (a person who left, or a report who left, opens no team). Someone the
 * directory does not know, with nobody reporting to them, leads no team.
 */
export function teamsLedBy(personId: string, around: readonly DirectoryEntry[]): Set<string> {
  const teams = new Set<string>();
  for (const e of around) {
    if (!e.active || e.team === null || e.team === '') continue;
    if (e.agentId === personId || e.supervisorId === personId) teams.add(e.team);
  }
  return teams;
}

/** Whether `reach` covers the person `agentId`, whose team is `team` (undefined or null: not in the directory). */
export function reaches(reach: Reach, agentId: string, team: string | null | undefined): boolean {
  if (reach.all) return true;
  if (reach.self !== null && reach.self === agentId) return true;
  return team !== null && team !== undefined && reach.teams.has(team);
}
