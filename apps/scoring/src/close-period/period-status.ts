import { Injectable } from '@nestjs/common';
import { isPeriod } from '../domain/period';
import { MonthScorer, missingAppraisals } from '../month/month-scorer';
import { ScoringErrors } from '../scoring.errors';
import { PeriodStore, type PeriodState } from '../store/period.store';
import { PolicyStore } from '../store/policy.store';
import { ScorecardStore } from '../store/scorecard.store';

export interface PeriodView extends PeriodState {
  agents: number;
  /** Open month: who still has no appraisal (a close would refuse). */
  missingAppraisals: string[];
  revisedAgents: number;
}

@Injectable()
export class PeriodStatus {
  constructor(
    private readonly periods: PeriodStore,
    private readonly policies: PolicyStore,
    private readonly scorer: MonthScorer,
    private readonly scorecards: ScorecardStore,
  ) {}

  async execute(period: string): Promise<PeriodView> {
    if (!isPeriod(period)) throw ScoringErrors.badPeriod();
    const state = await this.periods.get(period);
    if (state.state === 'closed') {
      const latest = await this.scorecards.latest(period);
      return { ...state, agents: latest.size, missingAppraisals: [], revisedAgents: [...latest.values()].filter((s) => s.revision > 1).length };
    }
    const policy = await this.policies.forPeriod(period);
    const cards = await this.scorer.score(period, policy, false);
    return { ...state, policyVersion: policy.policyVersion, agents: cards.length, missingAppraisals: missingAppraisals(cards), revisedAgents: 0 };
  }
}
