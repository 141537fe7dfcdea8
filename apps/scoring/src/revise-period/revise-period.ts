import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { addMonths, isPeriod } from '../domain/period';
import { MonthScorer } from '../month/month-scorer';
import { ScorePublisher } from '../month/score-publisher';
import { ScoringErrors } from '../scoring.errors';
import { PeriodStore } from '../store/period.store';
import { PolicyStore } from '../store/policy.store';
import { ScorecardStore } from '../store/scorecard.store';

export interface ReviseCommand {
  period: string;
  /** `facts`: re-score under the policy the month was closed with; `recalculate`: under the policy in force now. */
  cause: 'facts' | 'recalculate';
  now?: Date;
}

export interface ReviseOutcome {
  period: string;
  policyVersion: string;
  revised: number;
}

/**
 * Re-scores a closed month and publishes `scoring.score.revised` (revision n+1 with the full new
 * figures and the difference) for the agents whose figures changed, and for nobody else.
 */
@Injectable()
export class RevisePeriod {
  constructor(
    private readonly scope: TransactionScope,
    private readonly periods: PeriodStore,
    private readonly policies: PolicyStore,
    private readonly scorer: MonthScorer,
    private readonly scorecards: ScorecardStore,
    private readonly publisher: ScorePublisher,
  ) {}

  async execute(cmd: ReviseCommand): Promise<ReviseOutcome> {
    if (!isPeriod(cmd.period)) throw ScoringErrors.badPeriod();
    return this.scope.run(async () => {
      await this.periods.lock(cmd.period);
      const state = await this.periods.get(cmd.period);
      if (state.state !== 'closed') throw ScoringErrors.periodNotClosed(cmd.period);
      const policy = cmd.cause === 'recalculate' ? await this.policies.active() : await this.policies.get(state.policyVersion!);
      const cards = await this.scorer.score(cmd.period, policy!, state.forced);
      const revised = await this.publisher.publish(cards, await this.scorecards.latest(cmd.period), cmd.now ?? new Date());
      if (policy!.policyVersion !== state.policyVersion) await this.periods.setPolicy(cmd.period, policy!.policyVersion);
      // A changed month is the next one's history (level held, streaks, points window, first offences).
      if (revised > 0) await this.periods.markDirty([addMonths(cmd.period, 1)]);
      return { period: cmd.period, policyVersion: policy!.policyVersion, revised };
    });
  }
}
