import { EndParty, Rating } from '../events/call-event';
import { spanMs } from '../numbers';

/** Mutable per-offer state while a call's ordered events are replayed. */
export interface LegState {
  agentId: string;
  offeredAt: number | null;
  answeredAt: number | null;
  endedAt: number | null;
  reportedRingMs: number | null;
  missed: boolean;
  holdStartedAt: number | null;
  holdMs: number;
  holdCount: number;
  longestHoldMs: number;
  transferred: boolean;
  transferTarget: string | null;
  endedBy: EndParty | null;
  wrapUpEndedAt: number | null;
  rating: Rating | null;
  ids: Set<string>;
}

export function newLeg(agentId: string, offeredAt: number | null): LegState {
  return {
    agentId, offeredAt, answeredAt: null, endedAt: null, reportedRingMs: null, missed: false,
    holdStartedAt: null, holdMs: 0, holdCount: 0, longestHoldMs: 0, transferred: false,
    transferTarget: null, endedBy: null, wrapUpEndedAt: null, rating: null, ids: new Set(),
  };
}

export const isRinging = (leg: LegState): boolean => leg.answeredAt === null && leg.endedAt === null;
export const isConnected = (leg: LegState): boolean => leg.answeredAt !== null && leg.endedAt === null;

/** The agent's most recent leg matching the predicate. */
export function latestLeg(legs: readonly LegState[], agentId: string | undefined, match: (leg: LegState) => boolean): LegState | undefined {
  for (let i = legs.length - 1; i >= 0; i--) {
    if ((agentId === undefined || legs[i].agentId === agentId) && match(legs[i])) return legs[i];
  }
  return undefined;
}

export function closeHold(leg: LegState, at: number): void {
  if (leg.holdStartedAt === null) return;
  const held = spanMs(leg.holdStartedAt, at);
  leg.holdMs += held;
  leg.longestHoldMs = Math.max(leg.longestHoldMs, held);
  leg.holdStartedAt = null;
}

/** Ends the agent's part; a hold without resume is closed at the leg's end. */
export function closeLeg(leg: LegState, at: number, eventId: string, endedBy: EndParty | null = null): void {
  closeHold(leg, at);
  leg.endedAt = at;
  if (leg.answeredAt !== null) leg.endedBy = endedBy;
  leg.ids.add(eventId);
}
