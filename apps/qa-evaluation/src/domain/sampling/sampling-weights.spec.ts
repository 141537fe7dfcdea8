import { DEFAULT_QA_POLICY, mergePolicy } from '../policy/qa-policy';
import { NO_TARGETING, samplingWeights } from './sampling-weights';

describe('samplingWeights (issue 7 §3)', () => {
  it('weighs a poor rating 4, a long hold 2, a long ring 1 and a speech QA flag 8 by default', () => {
    expect(samplingWeights(DEFAULT_QA_POLICY, true)).toEqual({ poorRating: 4, longHold: 2, longRing: 1, flagged: 8 });
  });

  it('gives a stored policy written before the weights existed the defaults', () => {
    const stored = mergePolicy({ sampling: { callsPerAgentPerMonth: 6, targeting: true } });
    expect(stored.sampling).toMatchObject({ callsPerAgentPerMonth: 6, poorRatingWeight: 4, longHoldWeight: 2, longRingWeight: 1 });
    expect(samplingWeights(stored, true)).toEqual({ poorRating: 4, longHold: 2, longRing: 1, flagged: 8 });
  });

  it("takes the tenant's weights, and a mistyped one falls back to its default", () => {
    const tenant = mergePolicy({ sampling: { poorRatingWeight: 0, longHoldWeight: 5, longRingWeight: 'x' }, speech: { samplingWeight: 3 } });
    expect(samplingWeights(tenant, true)).toEqual({ poorRating: 0, longHold: 5, longRing: 1, flagged: 3 });
    expect(samplingWeights(mergePolicy({ sampling: { poorRatingWeight: -1, longHoldWeight: 1.5 } }), true)).toMatchObject({ poorRating: 4, longHold: 2 });
  });

  it('weighs nothing without targeting', () => {
    expect(samplingWeights(DEFAULT_QA_POLICY, false)).toEqual(NO_TARGETING);
    expect(NO_TARGETING).toEqual({ poorRating: 0, longHold: 0, longRing: 0, flagged: 0 });
  });
});
