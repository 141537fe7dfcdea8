import { afterAttempt, backoffMs } from './backoff';
import { nextBreakerState } from './circuit-breaker';

const p = { backoffBaseMs: 1_000, backoffMaxMs: 10_000, backoffJitterRatio: 0.5 };

describe('backoff and circuit breaker', () => {
  it('doubles per attempt up to the cap, jitter taking off at most its ratio', () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffMs(a, p, () => 0))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
    expect(backoffMs(3, p, () => 1)).toBe(2_000); // 4,000 less half
    expect(backoffMs(3, p, () => 0.25)).toBe(3_500);
  });

  it('gives up after the last allowed attempt only', () => {
    expect(afterAttempt(false, 2, 3)).toBe('retry');
    expect(afterAttempt(false, 3, 3)).toBe('failed');
    expect(afterAttempt(true, 3, 3)).toBe('delivered');
  });

  it('opens after the threshold of failures in a row, closes on a success', () => {
    const q = { breakerFailureThreshold: 3, breakerCooldownMs: 30_000 };
    let s = { consecutiveFailures: 0, openUntil: null as number | null };
    s = nextBreakerState(s, false, 1_000, q);
    s = nextBreakerState(s, false, 2_000, q);
    expect(s).toEqual({ consecutiveFailures: 2, openUntil: null });
    s = nextBreakerState(s, false, 3_000, q);
    expect(s).toEqual({ consecutiveFailures: 3, openUntil: 33_000 });
    expect(nextBreakerState(s, false, 40_000, q)).toEqual({ consecutiveFailures: 4, openUntil: 70_000 }); // the probe failed: open again
    expect(nextBreakerState(s, true, 40_000, q)).toEqual({ consecutiveFailures: 0, openUntil: null });
  });
});
