import { tokenLifetimeProblem } from './token-lifetime';

describe('tokenLifetimeProblem', () => {
  const now = 1_800_000_000;
  const day = 24 * 3600;

  it('refuses a token without exp, or with a non-numeric one', () => {
    expect(tokenLifetimeProblem({}, day, now)).toBe('missing-exp');
    expect(tokenLifetimeProblem({ exp: '1800000000' }, day, now)).toBe('missing-exp');
  });

  it('accepts a lifetime up to the maximum (and the clock tolerance)', () => {
    expect(tokenLifetimeProblem({ iat: now, exp: now + day }, day, now)).toBeUndefined();
    expect(tokenLifetimeProblem({ iat: now, exp: now + day + 60 }, day, now)).toBeUndefined();
    expect(tokenLifetimeProblem({ exp: now + 3600 }, day, now)).toBeUndefined();
  });

  it('refuses a lifetime above the maximum, measured from iat or, without iat, from now', () => {
    expect(tokenLifetimeProblem({ iat: now, exp: now + day + 61 }, day, now)).toBe('too-long');
    expect(tokenLifetimeProblem({ exp: now + 365 * day }, day, now)).toBe('too-long');
    // An iat in the future cannot shorten the lifetime.
    expect(tokenLifetimeProblem({ iat: now + 30 * day, exp: now + 30 * day + 3600 }, day, now)).toBe('too-long');
  });
});
