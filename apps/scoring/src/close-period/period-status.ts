import { Injectable } from '@nestjs/common';
import { isPeriod } from '../domain/period';
import { MonthScorer } from '../month/month-scorer';
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
      // Counted in the database: the month's cards are never loaded to be counted.
      const { agents, revised } = await this.scorecards.counts(period);
      return { ...state, agents, missingAppraisals: [], revisedAgents: revised };
    }
    const policy = await this.policies.forPeriod(period);
    // Every person's standing, no card built (a 10,000-agent month's cards would not fit beside a 128 MB heap).
    const standings = await this.scorer.standings(period, policy);
    const missing = standings.filter((s) => s.appraisalMissing).map((s) => s.agentId);
    return { ...state, policyVersion: policy.policyVersion, agents: standings.length, missingAppraisals: missing, revisedAgents: 0 };
  }
}
