import { Injectable } from '@nestjs/common';
import { SUBJECTS, type AlertEvent, type AutoEvaluationCompletedEvent } from '@app/contracts';
import { OutboxWriter } from '@app/messaging';
import type { AutoResult } from '../domain/speech/auto-evaluation';
import { QaAlerts } from './alerts';

export interface CompletedAutoEvaluation {
  callId: string;
  agentId: string;
  version: number;
  policyVersion: string;
  checkedAt: Date;
  result: AutoResult;
}

export function toCompletedEvent(e: CompletedAutoEvaluation): AutoEvaluationCompletedEvent {
  return {
    eventId: `auto-evaluation-${e.callId}-v${e.version}`,
    schemaVersion: 1,
    callId: e.callId,
    agentId: e.agentId,
    formId: e.result.formId,
    formVersion: e.result.formVersion,
    version: e.version,
    policyVersion: e.policyVersion,
    items: e.result.items.map(({ itemId, answer }) => ({ itemId, answer })),
    hitCounts: e.result.hitCounts,
    flagged: e.result.flagged,
    checkedAt: e.checkedAt.toISOString(),
    kpis: { ...e.result.kpis },
  };
}

/** `qa.auto-evaluation.completed` per call and version, and the speech alerts, through the outbox in the caller's transaction. */
@Injectable()
export class AutoEvaluationEvents {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly alerts: QaAlerts,
  ) {}

  async publish(completed: CompletedAutoEvaluation[], alerts: AlertEvent[]): Promise<void> {
    const events = completed.map(toCompletedEvent);
    await this.outbox.add(...events.map((payload) => ({ subject: SUBJECTS.qa.autoEvaluationCompleted, payload, messageId: payload.eventId })));
    if (alerts.length) await this.alerts.raise(...alerts);
  }
}
