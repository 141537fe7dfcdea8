import type { AgentRecord } from './agent-record';

/** The agents counted in each region of a team, by `regionKey`. */
export type RegionMembers = Map<string, Set<string>>;

export function regionKey(a: { team: string; region: string }): string {
  return `${a.team}|${a.region}`;
}

/** Whether the agent counts toward the "at most N per region per team" rule. */
export function countsTowardRegion(a: Pick<AgentRecord, 'active' | 'role'>): boolean {
  return a.active && a.role === 'agent';
}

/**
 * rules.md §1: at most `max` counted agents in a region of a team. The number already there when the agent would be
 * one too many, or null when it fits. The agent itself is not counted twice (an update of someone already there),
 * and someone who does not count (inactive, not an agent) always fits.
 */
export function regionOverflow(agent: AgentRecord, members: RegionMembers, max: number): number | null {
  if (!countsTowardRegion(agent)) return null;
  const others = [...(members.get(regionKey(agent)) ?? [])].filter((id) => id !== agent.agentId).length;
  return others >= max ? others : null;
}

/**
 * Moves the agent, once stored, out of the region it held and into its own when it counts, so the next item of the
 * same batch is checked against the members as they now are. Updates `members` in place: a batch may hold thousands.
 */
export function placeInRegion(members: RegionMembers, agent: AgentRecord): void {
  for (const set of members.values()) set.delete(agent.agentId);
  if (!countsTowardRegion(agent)) return;
  const key = regionKey(agent);
  members.set(key, (members.get(key) ?? new Set()).add(agent.agentId));
}
