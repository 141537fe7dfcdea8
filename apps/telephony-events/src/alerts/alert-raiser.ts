import { Injectable } from '@nestjs/common';
import { alertSubject } from '@app/contracts';
import { OutboxWriter } from '@app/messaging';
import type { AlertDraft } from '../domain/alerts/alert-rules';
import { AlertLedger } from '../store/alert-ledger';
import { toAlertEvent } from './to-alert-event';

export interface RaisedAlertDraft {
  draft: AlertDraft;
  callId: string;
  occurredAt: string;
}

/**
 * Publishes alerts (through the outbox, inside the caller's transaction) that were never raised
 * before: the ledger makes a situation raise one alert however many times it is detected.
 */
@Injectable()
export class AlertRaiser {
  constructor(
    private readonly ledger: AlertLedger,
    private readonly outbox: OutboxWriter,
  ) {}

  async raise(drafts: RaisedAlertDraft[]): Promise<number> {
    const events = drafts.map(({ draft, callId, occurredAt }) => ({ event: toAlertEvent(draft, occurredAt), callId }));
    const fresh = await this.ledger.claim(events.map(({ event, callId }) => ({ dedupeKey: event.alertId, alertId: event.alertId, kind: event.kind, callId })));
    const messages = events
      .filter(({ event }) => fresh.has(event.alertId))
      .map(({ event }) => ({ subject: alertSubject(event.kind), payload: event, messageId: event.alertId }));
    await this.outbox.add(...messages);
    return messages.length;
  }
}
