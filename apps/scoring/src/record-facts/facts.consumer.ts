import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  SUBJECTS, type AgentUpsertedEvent, type AppraisalSubmittedEvent, type CallSummarizedEvent, type ComplaintJudgedEvent, type ConductRecordedEvent,
  type ConductVoidedEvent, type DayClosedEvent, type EvaluationEvent,
} from '@app/contracts';
import { JetStreamEventPattern } from '@app/messaging';
import { RecordFacts } from './record-facts';

/** The facts scoring consumes; each handler hands its event to one method of RecordFacts. */
@Controller()
export class FactsConsumer {
  constructor(private readonly record: RecordFacts) {}

  @JetStreamEventPattern(SUBJECTS.attendance.agentUpserted)
  onAgent(@Payload() e: AgentUpsertedEvent) {
    return this.record.agent(e);
  }

  @JetStreamEventPattern(SUBJECTS.telephony.callSummarized)
  onCall(@Payload() e: CallSummarizedEvent) {
    return this.record.call(e);
  }

  @JetStreamEventPattern(SUBJECTS.qa.evaluationFinalized)
  onEvaluationFinalized(@Payload() e: EvaluationEvent) {
    return this.record.evaluation(e);
  }

  @JetStreamEventPattern(SUBJECTS.qa.evaluationRevised)
  onEvaluationRevised(@Payload() e: EvaluationEvent) {
    return this.record.evaluation(e);
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
