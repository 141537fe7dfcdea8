import { checkAgainst } from '@app/platform';
import { DEFAULT_NOTIFICATION_POLICY } from '../domain/policy/notification-policy';
import { NotificationPolicyCommand, overridesOf } from './notification-policy.command';

const paths = (raw: unknown) => {
  const checked = checkAgainst(NotificationPolicyCommand, raw);
  return checked.ok ? [] : [...new Set(checked.problems.map((p) => p.path))];
};

describe('PUT /v1/notification-policy body', () => {
  it('takes every parameter of the policy at its default, and keeps only the ones given', () => {
    const all = checkAgainst(NotificationPolicyCommand, { ...DEFAULT_NOTIFICATION_POLICY });
    expect(all.ok && overridesOf(all.value)).toEqual(DEFAULT_NOTIFICATION_POLICY);
    const some = checkAgainst(NotificationPolicyCommand, { maxAttempts: 3, backoffJitterRatio: 0.25 });
    expect(some.ok && overridesOf(some.value)).toEqual({ maxAttempts: 3, backoffJitterRatio: 0.25 });
  });

  it('names each unknown, mistyped or out-of-range parameter', () => {
    expect(paths({ floodWindowMinutes: 5 })).toEqual(['floodWindowMinutes']);
    expect(paths({ maxAttempts: 0, backoffJitterRatio: 1.5, floodWindowMs: -1, webhookTimeoutMs: '400' })).toEqual(['floodWindowMs', 'webhookTimeoutMs', 'maxAttempts', 'backoffJitterRatio']);
    expect(paths({ maxInFlight: 2.5, breakerCooldownMs: 2 ** 31, timeZone: ' ', emailTimeoutMs: null })).toEqual(['breakerCooldownMs', 'maxInFlight', 'emailTimeoutMs', 'timeZone']);
  });
});
