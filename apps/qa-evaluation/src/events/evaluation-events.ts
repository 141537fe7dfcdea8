import { Injectable } from '@nestjs/common';
import { SUBJECTS, type EvaluationEvent } from '@app/contracts';
import { OutboxWriter, type OutboxMessage } from '@app/messaging';
import type { Evaluation } from '../store/evaluation.store';

export function toEvaluationEvent(e: Evaluation): EvaluationEvent {
  return {
    eventId: `evaluation-${e.evaluationId}-v${e.version}`,
    schemaVersion: 1,
    evaluationId: e.evaluationId,
    callId: e.callId,
    agentId: e.agentId,
    formId: e.formId,
    formVersion: e.formVersion,
    score: e.result.score,
    maxScore: e.result.maxScore,
    percent: e.result.percent,
    criticalFail: e.result.criticalFail,
    evaluatedAt: e.createdAt.toISOString(),
    evaluatorId: e.evaluatorId,
    version: e.version,
    ...(e.status === 'voided' ? { voided: true } : {}),
  };
}

/** Version 1 is `qa.evaluation.finalized`, every later version `.revised`; the id makes re-adding a no-op. */
@Injectable()
export class EvaluationEvents {
  constructor(private readonly outbox: OutboxWriter) {}

  async publish(e: Evaluation): Promise<void> {
    await this.outbox.add(this.message(e));
  }

  /** The outbox message of `e`'s version, for a store that writes it in its own statement (a submission). */
  message(e: Evaluation): OutboxMessage {
    const event = toEvaluationEvent(e);
    const subject = e.version === 1 ? SUBJECTS.qa.evaluationFinalized : SUBJECTS.qa.evaluationRevised;
    return { subject, payload: event, messageId: event.eventId };
  }
}
