import { DEFAULT_TELEPHONY_POLICY as P } from '../domain/telephony-policy';
import { basisOf, sameBasis } from './rollup-basis';

describe('the rollup basis', () => {
  it('is the policy zone and whole-millisecond bin width', () => {
    expect(basisOf({ timeZone: 'Asia/Shanghai', waitBinMs: 15_000.4 })).toEqual({ timeZone: 'Asia/Shanghai', binMs: 15_000 });
  });

  it('differs when never built, or when the zone or the bin width changed', () => {
    const wanted = basisOf(P);
    expect(sameBasis(null, wanted)).toBe(false);
    expect(sameBasis({ ...wanted }, wanted)).toBe(true);
    expect(sameBasis({ ...wanted, timeZone: 'UTC' }, wanted)).toBe(false);
    expect(sameBasis({ ...wanted, binMs: 10_000 }, wanted)).toBe(false);
  });
});
