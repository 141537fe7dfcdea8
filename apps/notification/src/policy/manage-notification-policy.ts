import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { DEFAULT_NOTIFICATION_POLICY, validatePolicyOverrides } from '../domain/notification-policy';
import { NotificationErrors } from '../notification.errors';
import { PolicyStore, type ActiveNotificationPolicy } from '../store/policy.store';

@Injectable()
export class ManageNotificationPolicy {
  constructor(
    private readonly scope: TransactionScope,
    private readonly policy: PolicyStore,
  ) {}

  async current(): Promise<ActiveNotificationPolicy & { defaults: typeof DEFAULT_NOTIFICATION_POLICY }> {
    return { ...(await this.policy.current()), defaults: DEFAULT_NOTIFICATION_POLICY };
  }

  async replace(body: unknown, by: string): Promise<ActiveNotificationPolicy> {
    const { overrides, problems } = validatePolicyOverrides(body);
    if (problems.length) throw NotificationErrors.policyInvalid(problems);
    return this.scope.run(() => this.policy.replace(overrides, by));
  }
}
