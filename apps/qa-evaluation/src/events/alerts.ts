import { Injectable } from '@nestjs/common';
import { alertSubject, type AlertEvent } from '@app/contracts';
import { OutboxWriter } from '@app/messaging';

/** `alerts.<kind>` through the outbox; the alert id is the message id, so raising it twice is a no-op. */
@Injectable()
export class QaAlerts {
  constructor(private readonly outbox: OutboxWriter) {}

  async raise(...alerts: AlertEvent[]): Promise<void> {
    await this.outbox.add(...alerts.map((a) => ({ subject: alertSubject(a.kind), payload: a, messageId: a.alertId })));
  }
}
