import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SUBJECTS, type ScoreEvent } from '@app/contracts';
import { JetStreamEventPattern, NonRetryableMessageError } from '@app/messaging';
import { FinalizedScorecards } from '../store/finalized-scorecards';

/**
 * The month is closed for an agent once scoring finalised their scorecard: from then on a new
 * appraisal would change nothing payroll sees, so it is refused (issue 7: "a second appraisal after
 * the month closed"). Before that a late appraisal is still taken, flagged late.
 */
@Controller()
export class ScoreFinalizedConsumer {
  constructor(private readonly finalized: FinalizedScorecards) {}

  @JetStreamEventPattern(SUBJECTS.scoring.scoreFinalized)
  async onFinalized(@Payload() e: ScoreEvent): Promise<void> {
    if (typeof e?.agentId !== 'string' || typeof e.period !== 'string') throw new NonRetryableMessageError('score event without agentId or period');
    await this.finalized.record(e.agentId, e.period, new Date(e.finalizedAt ?? Date.now()));
  }
}
