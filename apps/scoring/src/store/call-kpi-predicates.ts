import type { ScoringPolicy } from '../domain/policy/scoring-policy';

/**
 * Each call KPI's one predicate over `scoring.call_leg`, used both by the month's tally and by the
 * paged call-id list behind the KPI, so the list always holds exactly the calls counted.
 */
export const CALL_KPIS = ['offered', 'answered', 'missed', 'ringViolations', 'longHolds', 'poorQuality', 'rated', 'goodRated'] as const;
export type CallKpi = (typeof CALL_KPIS)[number];
/** Every KPI with a paged call-id list: the call KPIs, and the calls an automatic evaluation checked (issue 19, its own table). */
export const LISTED_KPIS = [...CALL_KPIS, 'autoQaChecked'] as const;

const num = (v: unknown) => {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`policy number expected, got ${String(v)}`);
  return n;
};

export function callKpiPredicates(policy: ScoringPolicy): Record<CallKpi, string> {
  const t = policy.telephony;
  return {
    offered: 'true',
    answered: 'answered',
    missed: 'missed',
    // 响铃三声未接起: longer than the ring limit, answered or not.
    ringViolations: `ring_ms > ${num(t.ringLimitRings) * num(t.ringCycleMs)}`,
    longHolds: `longest_hold_ms > ${num(t.holdLimitMs)}`,
    poorQuality: `mos < ${num(t.mosMin)}`,
    rated: `rating IS NOT NULL`,
    goodRated: `rating IN ('excellent', 'good')`,
  };
}
