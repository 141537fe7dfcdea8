import { sum } from '../numbers';
import type { TeamTally } from './components';
import type { AgentMonthInput, ComplaintInput } from './month-inputs';

export interface Team extends TeamTally {
  validComplaints: ComplaintInput[];
}

/**
 * A supervisor's (or QA inspector's) team in the month: the people attendance's directory puts under them
 * (`supervisorId`) or in their team, other than leads of the same card.
 */
export function teamOf(lead: AgentMonthInput, people: readonly AgentMonthInput[], isMember: (p: AgentMonthInput) => boolean): Team {
  const members = people.filter((p) => isMember(p) && inTeamOf(lead, p));
  return {
    memberIds: members.map((m) => m.agentId),
    rated: sum(members.map((m) => m.calls.rated)),
    goodRated: sum(members.map((m) => m.calls.goodRated)),
    validComplaints: members.flatMap((m) => m.validComplaints),
  };
}

/** Whether `p` is in `lead`'s team: they report to the lead or share the lead's team (the lead themself excepted). */
export function inTeamOf(lead: { agentId: string; team: string }, p: { agentId: string; team: string; supervisorId?: string | null }): boolean {
  return p.agentId !== lead.agentId && (p.supervisorId === lead.agentId || p.team === lead.team);
}
