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
  const members = people.filter((p) => p.agentId !== lead.agentId && isMember(p) && (p.supervisorId === lead.agentId || p.team === lead.team));
  return {
    memberIds: members.map((m) => m.agentId),
    rated: sum(members.map((m) => m.calls.rated)),
    goodRated: sum(members.map((m) => m.calls.goodRated)),
    validComplaints: members.flatMap((m) => m.validComplaints),
  };
}
