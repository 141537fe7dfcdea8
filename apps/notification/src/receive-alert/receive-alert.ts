import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { NonRetryableMessageError } from '@app/messaging';
import { TransactionScope } from '@app/persistence';
import { validateAlert } from '../domain/alerts/alert';
import { floodDecision, floodKey } from '../domain/alerts/flood';
import { AlertDispatcher } from '../dispatch/alert-dispatcher';
import { FloodDigest } from '../dispatch/flood-digest';
import { AlertLog, type FloodWindow } from '../store/alert-log.store';
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
      const { floodWindowMs } = (await this.policy.current()).values;
      const key = floodKey(alert, floodWindowMs);
      const window = (): FloodWindow | null => (key ? { groupId: randomUUID(), groupKey: key, openedAt: now, endsAt: new Date(now.getTime() + floodWindowMs) } : null);
      // One statement records the alert and (most alerts being the first of their kind for the agent) opens its window.
      const { claimed, windowOpened } = await this.alerts.claim(alert, 'routed', window());
      if (!claimed) return 'duplicate';
      if (key && !windowOpened) {
        const open = await this.floods.lockOpen(key);
        if (open && floodDecision(open, now.getTime()) === 'hold') {
          await this.floods.hold(open.groupId, alert);
          await this.alerts.setGrouped(alert.alertId, open.groupId);
          return 'grouped';
        }
        // The window ended and waits for its digest: send that now, then this alert opens the next window.
        if (open) await this.digest.flush(open);
        const next = window()!;
        await this.floods.open(next.groupId, next.groupKey, next.openedAt, next.endsAt);
      }
      await this.dispatcher.dispatch(alert);
      return 'routed';
    });
  }
}
