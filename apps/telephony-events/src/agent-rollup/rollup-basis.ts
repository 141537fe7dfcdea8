import type { TelephonyPolicy } from '../domain/telephony-policy';
import type { RollupBasis } from '../store/agent-leg-rollup.store';

/** The basis the current policy asks for: its zone cuts the days, its bin width sorts the answers. */
export const basisOf = (policy: Pick<TelephonyPolicy, 'timeZone' | 'waitBinMs'>): RollupBasis => ({
  timeZone: policy.timeZone,
  binMs: Math.round(policy.waitBinMs),
});

export const sameBasis = (a: RollupBasis | null, b: RollupBasis): boolean => a !== null && a.timeZone === b.timeZone && a.binMs === b.binMs;
