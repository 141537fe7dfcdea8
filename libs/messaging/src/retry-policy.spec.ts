import { backoffFor, decideOnFailure, isBeyondLimit, type RetryPolicy } from './retry-policy';

const policy: RetryPolicy = { maxDeliver: 4, backoffMs: [100, 500, 2000] };

describe('retry policy', () => {
  it('retries with the backoff of the failed delivery, repeating the last step', () => {
    expect(decideOnFailure(policy, 1, true)).toEqual({ action: 'retry', delayMs: 100 });
    expect(decideOnFailure(policy, 2, true)).toEqual({ action: 'retry', delayMs: 500 });
    expect(decideOnFailure(policy, 3, true)).toEqual({ action: 'retry', delayMs: 2000 });
    expect(backoffFor(policy, 9)).toBe(2000);
  });

  it('dead-letters on the last allowed delivery and at once for a non-retryable error', () => {
    expect(decideOnFailure(policy, 4, true)).toEqual({ action: 'dead-letter' });
    expect(decideOnFailure(policy, 1, false)).toEqual({ action: 'dead-letter' });
  });

  it('treats deliveries past the limit (earlier attempts crashed) as beyond it', () => {
    expect(isBeyondLimit(policy, 4)).toBe(false);
    expect(isBeyondLimit(policy, 5)).toBe(true);
  });

  it('retries immediately when no backoff is configured', () => {
    expect(backoffFor({ maxDeliver: 3, backoffMs: [] }, 2)).toBe(0);
  });
});
