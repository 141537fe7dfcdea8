import { alertSubject, type AlertEvent } from '@app/contracts';

export const PARKED_ALERT_KIND = 'message.parked';

export interface ParkedRowFacts {
  service: string;
  id: string;
  subject: string;
  attempts: number;
  error: string;
}

/** One alert per parked row: its id is derived from the row, so parking again re-adds nothing. */
export function parkedAlert(row: ParkedRowFacts, now: Date): { subject: string; messageId: string; payload: AlertEvent } {
  const alertId = `outbox-parked:${row.service}:${row.id}`;
  return {
    subject: alertSubject(PARKED_ALERT_KIND),
    messageId: alertId,
    payload: {
      alertId,
      kind: PARKED_ALERT_KIND,
      severity: 'critical',
      title: '消息无法发布,已暂存 / Message parked: the stream refuses it',
      body:
        `${row.service} 的发件箱消息 ${row.id}(${row.subject})尝试 ${row.attempts} 次后仍被拒绝:${row.error}。` +
        `修正后可在 POST /v1/admin/outbox/parked/{id}/resend 重新发送 / ` +
        `${row.service} could not publish outbox message ${row.id} (${row.subject}) after ${row.attempts} attempts: ${row.error}. ` +
        `Resend it with POST /v1/admin/outbox/parked/{id}/resend once fixed.`,
      occurredAt: now.toISOString(),
      facts: { service: row.service, messageId: row.id, subject: row.subject, attempts: row.attempts, error: row.error },
    },
  };
}
