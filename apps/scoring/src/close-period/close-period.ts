import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { isPeriod, periodWindow } from '../domain/period';
import { MonthScorer, missingAppraisals } from '../month/month-scorer';
import { ScorePublisher } from '../month/score-publisher';
import { ScoringErrors } from '../scoring.errors';
import { PeriodStore, type PeriodState } from '../store/period.store';
import { PolicyStore } from '../store/policy.store';

export interface ClosePeriodCommand {
  period: string;
  force: boolean;
  now?: Date;
}

export interface CloseOutcome extends PeriodState {
  /** False when the month was already closed: nothing changed. */
  closedNow: boolean;
  finalized: number;
}

/**
 * Finalises a month: refuses with the agents missing an appraisal unless forced (then the previous
 * appraisal carries over), scores it, stores revision 1 of every scorecard and puts one
 * `scoring.score.finalized` per agent in the outbox. Under an advisory lock, so two instances
 * closing at once close once; closing a closed month changes nothing.
 */
@Injectable()
export class ClosePeriod {
  constructor(
    private readonly scope: TransactionScope,
    private readonly periods: PeriodStore,
    private readonly policies: PolicyStore,
    private readonly scorer: MonthScorer,
    private readonly publisher: ScorePublisher,
  ) {}

  async execute(cmd: ClosePeriodCommand): Promise<CloseOutcome> {
    if (!isPeriod(cmd.period)) throw ScoringErrors.badPeriod();
    const now = cmd.now ?? new Date();
    return this.scope.run(async () => {
      await this.periods.lock(cmd.period);
      const state = await this.periods.get(cmd.period);
      if (state.state === 'closed') return { ...state, closedNow: false, finalized: 0 };
      const policy = await this.policies.forPeriod(cmd.period);
      if (periodWindow(cmd.period, policy.document.timeZone).to > now) throw ScoringErrors.periodNotEnded(cmd.period);
      const cards = await this.scorer.score(cmd.period, policy, cmd.force);
      const missing = missingAppraisals(cards);
      if (!cmd.force && missing.length > 0) throw ScoringErrors.appraisalsMissing(missing);
      const finalized = await this.publisher.publish(cards, new Map(), now);
      const carriedOver = cards.filter((c) => c.flags.includes('APPRAISAL_CARRIED_OVER')).map((c) => c.agentId);
      await this.periods.markClosed({ period: cmd.period, policyVersion: policy.policyVersion, forced: cmd.force, carriedOver });
      return { ...(await this.periods.get(cmd.period)), closedNow: true, finalized };
    });
  }
}
