import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { DEFAULT_NOTIFICATION_POLICY } from '../domain/policy/notification-policy';
import { PolicyStore, type ActiveNotificationPolicy } from '../store/policy.store';
import { overridesOf, type NotificationPolicyCommand } from './notification-policy.command';

@Injectable()
export class ManageNotificationPolicy {
  constructor(
    private readonly scope: TransactionScope,
    private readonly policy: PolicyStore,
  ) {}

  async current(): Promise<ActiveNotificationPolicy & { defaults: typeof DEFAULT_NOTIFICATION_POLICY }> {
    return { ...(await this.policy.current()), defaults: DEFAULT_NOTIFICATION_POLICY };
  }

  async replace(command: NotificationPolicyCommand, by: string): Promise<ActiveNotificationPolicy> {
    return this.scope.run(() => this.policy.replace(overridesOf(command), by));
  }
}
