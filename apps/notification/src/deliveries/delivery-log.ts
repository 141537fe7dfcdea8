import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { DeliverySignal } from '../dispatch/delivery-signal';
import { NotificationErrors } from '../notification.errors';
import { DeliveryStore, type AttemptRecord, type Delivery, type DeliveryStatus } from '../store/delivery.store';

export const DELIVERY_STATUSES: DeliveryStatus[] = ['pending', 'sending', 'delivered', 'failed', 'skipped'];

/** The delivery log (every target's rows with every attempt), and re-sending one delivery. */
@Injectable()
export class DeliveryLog {
  constructor(
    private readonly scope: TransactionScope,
    private readonly deliveries: DeliveryStore,
    private readonly signal: DeliverySignal,
  ) {}

  list(q: { alertId?: string; webhookId?: string; status?: DeliveryStatus; limit: number }): Promise<Array<Delivery & { attemptLog: AttemptRecord[] }>> {
    return this.deliveries.list(q);
  }

  async resend(deliveryId: string): Promise<{ resent: number }> {
    const d = await this.deliveries.get(deliveryId);
    if (!d) throw NotificationErrors.deliveryNotFound(deliveryId);
    const resent = await this.scope.run(async () => {
      const n = await this.deliveries.resend([deliveryId]);
      if (n) this.scope.afterCommit(() => this.signal.notify());
      return n;
    });
    if (!resent) throw NotificationErrors.deliveryNotResendable(deliveryId, d.channel === 'inbox' ? 'an inbox item' : d.status);
    return { resent };
  }
}
