import { Injectable } from '@nestjs/common';
import { SUBJECTS, type AlertEvent, type ConductRecordedEvent, type ConductVoidedEvent } from '@app/contracts';
import { OutboxWriter } from '@app/messaging';
import type { ConductRecord } from '../store/conduct.store';
import { QaAlerts } from './alerts';

export function toRecordedEvent(r: ConductRecord): ConductRecordedEvent {
  return {
    eventId: `conduct-${r.recordId}-recorded`, schemaVersion: 1, recordId: r.recordId, agentId: r.agentId, code: r.code, kind: r.kind,
    amount: r.amountFen / 100, points: r.points, occurredAt: r.occurredAt.toISOString(), issuerId: r.issuerId, labelZh: r.labelZh, labelEn: r.labelEn,
    ...(r.callId ? { callId: r.callId } : {}),
    ...(r.scorecardPart ? { scorecardPart: r.scorecardPart } : {}),
    ...(r.category ? { category: r.category } : {}),
    ...(r.date ? { date: r.date } : {}),
    ...(r.causedByRecordId ? { causedByRecordId: r.causedByRecordId } : {}),
    ...(r.warning ? { warning: true } : {}),
  };
}

/** `qa.conduct.recorded` / `.voided` and the agent's alert, all through the outbox in the caller's transaction. */
@Injectable()
export class ConductEvents {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly alerts: QaAlerts,
  ) {}

  async recorded(r: ConductRecord, alertKind: string): Promise<void> {
    const event = toRecordedEvent(r);
    await this.outbox.add({ subject: SUBJECTS.qa.conductRecorded, payload: event, messageId: event.eventId });
    const money = r.amountFen ? ` ${r.amountFen / 100} 元 / yuan` : '';
    const points = r.points ? ` ${r.points} 分 / points` : '';
    const alert: AlertEvent = {
      alertId: `qa:conduct-recorded:${r.recordId}`,
      kind: alertKind,
      severity: r.kind === 'reward' || r.points > 0 ? 'info' : 'warning',
      agentId: r.agentId,
      title: `奖罚记录待签收 / Reward/penalty record to sign: ${r.labelZh} / ${r.labelEn}`,
      body: `${r.labelZh}${money}${points}${r.warning ? '(初犯警告 / first-offence warning)' : ''} — ${r.note}`,
      occurredAt: r.occurredAt.toISOString(),
      facts: { recordId: r.recordId, code: r.code, kind: r.kind, amount: r.amountFen / 100, points: r.points, issuerId: r.issuerId, callId: r.callId, date: r.date, warning: r.warning },
    };
    await this.alerts.raise(alert);
  }

  async voided(r: ConductRecord, reason: string, at: Date): Promise<void> {
    const event: ConductVoidedEvent = { eventId: `conduct-${r.recordId}-voided`, schemaVersion: 1, recordId: r.recordId, agentId: r.agentId, reason, issuerId: r.issuerId, voidedAt: at.toISOString() };
    await this.outbox.add({ subject: SUBJECTS.qa.conductVoided, payload: event, messageId: event.eventId });
  }
}
