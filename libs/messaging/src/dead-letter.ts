import { headers as natsHeaders } from '@nats-io/transport-node';
import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { alertSubject, SUBJECTS, type AlertEvent } from '@app/contracts';

export interface DeadLetterInput {
  service: string;
  consumer: string;
  message: JsMsg;
  messageId: string;
  error: string;
}

/** `deadletter.<service>.<original subject>`: one place to look for everything a service gave up on. */
export function deadLetterSubject(service: string, originalSubject: string): string {
  return `${SUBJECTS.deadLetter.prefix}.${service}.${originalSubject}`;
}

/**
 * Parks a message on the dead-letter subject with its error, and raises an alert. Both publishes
 * carry deterministic ids, so a crash half-way and a second attempt publish each only once.
 */
export async function deadLetter(js: JetStreamClient, input: DeadLetterInput): Promise<void> {
  const m = input.message;
  const key = `${input.consumer}:${m.info.stream}:${m.info.streamSequence}`;
  const h = natsHeaders();
  h.set('Dlq-Original-Subject', m.subject);
  h.set('Dlq-Original-Message-Id', input.messageId);
  h.set('Dlq-Consumer', input.consumer);
  h.set('Dlq-Stream-Sequence', String(m.info.streamSequence));
  h.set('Dlq-Delivery-Count', String(m.info.deliveryCount));
  h.set('Dlq-Error', input.error.replace(/[\r\n]+/g, ' ').slice(0, 1000));
  await js.publish(deadLetterSubject(input.service, m.subject), m.data, { msgID: `dlq:${key}`, headers: h });

  const alert: AlertEvent = {
    alertId: `dlq:${key}`,
    kind: 'message.dead-lettered',
    severity: 'critical',
    title: '消息处理失败已转入死信 / Message moved to dead-letter',
    body:
      `${input.service} 放弃处理 ${m.subject}(第 ${m.info.deliveryCount} 次投递):${input.error} / ` +
      `${input.service} gave up on ${m.subject} after ${m.info.deliveryCount} deliveries: ${input.error}`,
    occurredAt: new Date().toISOString(),
    facts: {
      service: input.service,
      consumer: input.consumer,
      subject: m.subject,
      messageId: input.messageId,
      streamSequence: m.info.streamSequence,
      deliveryCount: m.info.deliveryCount,
      error: input.error,
    },
  };
  await js.publish(alertSubject(alert.kind), JSON.stringify(alert), { msgID: alert.alertId });
}
