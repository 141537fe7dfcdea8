import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { NonRetryableMessageError } from '@app/messaging';
import { TransactionScope } from '@app/persistence';
import { validateAlert } from '../domain/alert';
import { floodDecision, floodKey } from '../domain/flood';
import { AlertDispatcher } from '../dispatch/alert-dispatcher';
import { FloodDigest } from '../dispatch/flood-digest';
import { AlertLog } from '../store/alert-log.store';
import { FloodGroupStore } from '../store/flood-group.store';
import { PolicyStore } from '../store/policy.store';

export type ReceiveOutcome = 'routed' | 'grouped' | 'duplicate';

/**
 * One `alerts.<kind>` message: checked, deduplicated by alertId, held if it is part of a flood,
 * otherwise routed. Everything happens in one transaction with the message's inbox row.
 */
@Injectable()
export class ReceiveAlert {
  constructor(
    private readonly scope: TransactionScope,
    private readonly policy: PolicyStore,
    private readonly alerts: AlertLog,
    private readonly floods: FloodGroupStore,
    private readonly digest: FloodDigest,
    private readonly dispatcher: AlertDispatcher,
  ) {}

  async execute(payload: unknown, now = new Date()): Promise<ReceiveOutcome> {
    const checked = validateAlert(payload);
    if ('problems' in checked) {
      // Never right on a retry: dead-lettered at once with the reasons, and the consumer goes on.
      throw new NonRetryableMessageError(`invalid alert: ${checked.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, 'NOTIFICATION.ALERT_INVALID');
    }
    const alert = checked.alert;
    return this.scope.run(async () => {
      if (!(await this.alerts.claim(alert))) return 'duplicate';
      const { floodWindowMs } = (await this.policy.current()).values;
      const key = floodKey(alert, floodWindowMs);
      if (key) {
        const open = await this.floods.lockOpen(key);
        const decision = floodDecision(open, now.getTime());
        if (open && decision === 'hold') {
          await this.floods.hold(open.groupId, alert);
          await this.alerts.setGrouped(alert.alertId, open.groupId);
          return 'grouped';
        }
        if (open) await this.digest.flush(open);
        const groupId = randomUUID();
        if (!(await this.floods.open(groupId, key, now, new Date(now.getTime() + floodWindowMs)))) {
          // Another instance opened the window a moment ago (its insert won): this alert is its first follower.
          const theirs = await this.floods.lockOpen(key);
          if (theirs) {
            await this.floods.hold(theirs.groupId, alert);
            await this.alerts.setGrouped(alert.alertId, theirs.groupId);
            return 'grouped';
          }
        }
      }
      await this.dispatcher.dispatch(alert);
      return 'routed';
    });
  }
}
