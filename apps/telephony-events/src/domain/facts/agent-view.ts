import { ParsedCallEvent } from '../events/call-event';
import { CallFacts } from './call-facts';

/**
 * What an agent may see of a call they took part in: the call's queue part and their own legs,
 * never another agent's leg (a transferred or re-offered call has several). Null when the agent
 * has no leg in it.
 */
export function agentViewOf(facts: CallFacts, events: readonly ParsedCallEvent[], agentId: string): { facts: CallFacts; events: ParsedCallEvent[] } | null {
  const legs = facts.legs.filter((l) => l.agentId === agentId);
  if (legs.length === 0) return null;
  // Events of the queue part carry no agent; events naming another agent are theirs.
  const visible = events.filter((e) => e.agentId === undefined || e.agentId === agentId);
  const ids = new Set(visible.map((e) => e.eventId));
  return { facts: { ...facts, legs, sourceEventIds: facts.sourceEventIds.filter((id) => ids.has(id)) }, events: visible };
}
