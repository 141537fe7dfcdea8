import { knownOverrides, withKnownOverrides } from './known-overrides';

describe('a service applies the policy keys it knows, of the right kind', () => {
  const defaults = { graceMinutes: 5, zone: 'Asia/Shanghai', leaveTypes: ['annual'], strict: false };

  it('keeps known keys whose value has the default kind, drops the rest', () => {
    expect(knownOverrides(defaults, { graceMinutes: 15, zone: 3, leaveTypes: 'annual', strict: true, unknownKnob: 1, constructor: 1 })).toEqual({ graceMinutes: 15, strict: true });
    expect(knownOverrides(defaults, { leaveTypes: ['sick'], graceMinutes: null })).toEqual({ leaveTypes: ['sick'] });
    expect(knownOverrides(defaults, null)).toEqual({});
    expect(knownOverrides(defaults, [1])).toEqual({});
  });

  it('lays them over the defaults', () => {
    expect(withKnownOverrides(defaults, { graceMinutes: 10 })).toEqual({ ...defaults, graceMinutes: 10 });
  });
});
