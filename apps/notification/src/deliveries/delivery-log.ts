import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { cursorKey, limitOf, mapPage, pageOf, type Page } from '@app/platform';
import { DeliverySignal } from '../dispatch/delivery-signal';
import { NotificationErrors } from '../notification.errors';
import { DeliveryStore, type LoggedDelivery } from '../store/delivery.store';
import type { DeliveryListQuery } from './delivery-list.query';

/** The delivery log (every target's rows with every attempt), and re-sending one delivery. */
@Injectable()
export class DeliveryLog {
  constructor(
    private readonly scope: TransactionScope,
    private readonly deliveries: DeliveryStore,
    private readonly signal: DeliverySignal,
  ) {}

  /** A page of the log, newest first. */
  async list(q: DeliveryListQuery): Promise<Page<LoggedDelivery>> {
    const limit = limitOf(q);
    const key = cursorKey(q, ['int', 'string']) as [number, string] | undefined;
    const rows = await this.deliveries.page({ alertId: q.alertId, webhookId: q.webhookId, status: q.status, after: key && { createdUs: key[0], deliveryId: key[1] }, take: limit + 1 });
    return mapPage(pageOf(rows, limit, (r) => [r.createdUs, r.delivery.deliveryId]), (r) => r.delivery);
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
