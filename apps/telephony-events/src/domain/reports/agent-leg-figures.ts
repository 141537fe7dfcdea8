import { Rating } from '../events/call-event';
import { CallFacts } from '../facts/call-facts';

/**
 * One leg as the per-agent report sums it, stored one row per leg beside the call's facts, so
 * `GET /v1/agents/stats` is SQL over these rows and never re-reads facts.
 */
export interface AgentLegFigures {
  legIndex: number;
  agentId: string;
  /** When the leg began (offer, else answer, else its end, else the call's first event). */
  at: number;
  answered: boolean;
  missed: boolean;
  ringMs: number | null;
  ringLimitExceeded: boolean;
  talkMs: number | null;
  holdMs: number;
  holdCount: number;
  longHold: boolean;
  wrapUpMs: number | null;
  transferred: boolean;
  mos: number | null;
  rating: Rating | null;
  /** The call's queue wait, on the leg that answered it (Asternic's answers by wait). */
  answeredAfterWaitMs: number | null;
}

export function agentLegFigures(c: CallFacts): AgentLegFigures[] {
  return c.legs.map((l, legIndex) => ({
    legIndex,
    agentId: l.agentId,
    at: l.offeredAt ?? l.answeredAt ?? l.endedAt ?? c.firstEventAt,
    answered: l.answeredAt !== null,
    missed: l.missed,
    ringMs: l.ringMs,
    ringLimitExceeded: l.ringLimitExceeded,
    talkMs: l.talkMs,
    holdMs: l.holdMs,
    holdCount: l.holdCount,
    longHold: l.longHold,
    wrapUpMs: l.wrapUpMs,
    transferred: l.transferred,
    mos: l.mos,
    rating: l.rating,
    answeredAfterWaitMs: l.answeredAt !== null ? c.waitMs : null,
  }));
}
