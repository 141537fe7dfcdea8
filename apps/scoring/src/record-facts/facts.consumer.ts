import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  SUBJECTS, type AgentUpsertedEvent, type AppraisalSubmittedEvent, type AutoEvaluationCompletedEvent, type CallSummarizedEvent, type ComplaintJudgedEvent, type ConductRecordedEvent,
  type ConductVoidedEvent, type DayClosedEvent, type EvaluationEvent,
} from '@app/contracts';
import { JetStreamEventPattern } from '@app/messaging';
import { RecordFacts } from './record-facts';

/** Most call summaries one transaction stores (issue 20: one inbox insert and one set of upserts per batch). */
const CALL_BATCH = 500;

/** The facts scoring consumes; each handler hands its event to one method of RecordFacts. */
@Controller()
export class FactsConsumer {
  constructor(private readonly record: RecordFacts) {}

  @JetStreamEventPattern(SUBJECTS.attendance.agentUpserted)
  onAgent(@Payload() e: AgentUpsertedEvent) {
    return this.record.agent(e);
  }

  /** The busiest input (every call of the centre): taken in batches of up to CALL_BATCH, stored set-based. */
  @JetStreamEventPattern(SUBJECTS.telephony.callSummarized, { batch: true, maxBatch: CALL_BATCH })
  onCalls(@Payload() events: CallSummarizedEvent[]) {
    return this.record.calls(events);
  }

  @JetStreamEventPattern(SUBJECTS.qa.evaluationFinalized)
  onEvaluationFinalized(@Payload() e: EvaluationEvent) {
    return this.record.evaluation(e);
  }

  @JetStreamEventPattern(SUBJECTS.qa.evaluationRevised)
  onEvaluationRevised(@Payload() e: EvaluationEvent) {
    return this.record.evaluation(e);
  }

  @JetStreamEventPattern(SUBJECTS.qa.autoEvaluationCompleted)
  onAutoEvaluation(@Payload() e: AutoEvaluationCompletedEvent) {
    return this.record.autoEvaluation(e);
  }

  @JetStreamEventPattern(SUBJECTS.qa.appraisalSubmitted)
  onAppraisal(@Payload() e: AppraisalSubmittedEvent) {
    return this.record.appraisal(e);
  }

  @JetStreamEventPattern(SUBJECTS.attendance.dayClosed)
  onDay(@Payload() e: DayClosedEvent) {
    return this.record.day(e);
  }

  @JetStreamEventPattern(SUBJECTS.qa.conductRecorded)
  onRecord(@Payload() e: ConductRecordedEvent) {
    return this.record.record(e);
  }

  @JetStreamEventPattern(SUBJECTS.qa.conductVoided)
  onVoided(@Payload() e: ConductVoidedEvent) {
    return this.record.voided(e);
  }

  @JetStreamEventPattern(SUBJECTS.qa.complaintJudged)
  onComplaint(@Payload() e: ComplaintJudgedEvent) {
    return this.record.complaint(e);
  }
}
