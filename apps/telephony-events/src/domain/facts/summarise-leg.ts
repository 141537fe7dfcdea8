import { EndedData } from '../events/call-event';
import { LegState } from './call-leg-state';
import { CallLegFacts } from './call-facts';
import { spanMs } from '../numbers';
import { TelephonyPolicy } from '../telephony-policy';
import { pastRingLimit, ringsIn } from './ring-limit';

type ReportedTotals = Pick<EndedData, 'holdMs' | 'holdCount' | 'longestHoldMs' | 'talkMs'>;

/**
 * Facts of one leg. `lastEventAt` stands in for the end of a leg still open.
 * `reported` carries a source's own totals, used only when the call has no hold events.
 */
export function summariseLeg(
  leg: LegState,
  lastEventAt: number,
  policy: TelephonyPolicy,
  mos: number | null,
  reported: ReportedTotals = {},
): CallLegFacts {
  const end = leg.endedAt ?? lastEventAt;
  const openHold = leg.holdStartedAt === null ? 0 : spanMs(leg.holdStartedAt, end);
  const holdMs = reported.holdMs ?? leg.holdMs + openHold;
  const longestHoldMs = reported.longestHoldMs ?? Math.max(leg.longestHoldMs, openHold);
  // The source's ring time wins over the timestamps (contract: ringMs? on missed/answered).
  const ringMs = leg.reportedRingMs ?? (leg.offeredAt === null ? null : spanMs(leg.offeredAt, leg.answeredAt ?? end));
  const connected = leg.answeredAt === null ? null : spanMs(leg.answeredAt, end);
  return {
    agentId: leg.agentId,
    offeredAt: leg.offeredAt,
    answeredAt: leg.answeredAt,
    endedAt: leg.endedAt,
    ringMs,
    rings: ringMs === null ? null : ringsIn(ringMs, policy),
    ringLimitExceeded: ringMs !== null && pastRingLimit(ringMs, policy),
    missed: leg.missed,
    talkMs: connected === null ? null : reported.talkMs ?? Math.max(0, connected - holdMs),
    holdMs,
    holdCount: reported.holdCount ?? leg.holdCount,
    longestHoldMs,
    longHold: longestHoldMs > policy.holdLimitMs,
    wrapUpMs: leg.wrapUpEndedAt === null || leg.endedAt === null ? null : spanMs(leg.endedAt, leg.wrapUpEndedAt),
    transferred: leg.transferred,
    transferTarget: leg.transferTarget,
    endedBy: leg.endedBy,
    mos: leg.answeredAt === null ? null : mos, // no media without a connection
    rating: leg.rating,
    sourceEventIds: [...leg.ids].sort(),
  };
}
