import { Injectable } from '@nestjs/common';
import { isPeriod } from '../domain/period';
import { validatePolicy } from '../domain/policy/validate-policy';
import type { Scorecard } from '../domain/scoring/scorecard';
import { MonthScorer } from '../month/month-scorer';
import { ScoringErrors } from '../scoring.errors';
import { PeriodStore } from '../store/period.store';
import { PolicyStore } from '../store/policy.store';
import { ScorecardStore } from '../store/scorecard.store';

export interface SimulatedFigures {
  total: number | null;
  grade: string | null;
  levelAfter: string;
  payTotal: number;
}

export interface Simulation {
  period: string;
  basePolicyVersion: string;
  agents: Array<{ agentId: string; before: SimulatedFigures; after: SimulatedFigures; changed: boolean }>;
  summary: { agents: number; changed: number; payTotalBefore: number; payTotalAfter: number };
}

const figures = (c: Scorecard): SimulatedFigures => ({ total: c.total, grade: c.grade, levelAfter: c.level.levelAfter, payTotal: c.pay.total });
const fen = (yuan: number) => Math.round(yuan * 100);

/** What-if: a draft policy over a month beside the figures in force. Writes and publishes nothing. */
@Injectable()
export class SimulatePolicy {
  constructor(
    private readonly periods: PeriodStore,
    private readonly policies: PolicyStore,
    private readonly scorer: MonthScorer,
    private readonly scorecards: ScorecardStore,
  ) {}

  async execute(period: unknown, draft: unknown): Promise<Simulation> {
    if (!isPeriod(period)) throw ScoringErrors.badPeriod();
    const { policy, errors } = validatePolicy(draft);
    if (!policy) throw ScoringErrors.policyInvalid(errors, 'policy.');
    const state = await this.periods.get(period);
    const base = state.policyVersion ? (await this.policies.get(state.policyVersion))! : await this.policies.forPeriod(period);
    const before = state.state === 'closed'
      ? new Map([...(await this.scorecards.latest(period)).values()].map((s) => [s.card.agentId, s.card]))
      : new Map((await this.scorer.score(period, base, false)).map((c) => [c.agentId, c]));
    const after = await this.scorer.score(period, { ...base, policyVersion: `${policy.name}-draft`, document: policy }, state.forced);
    const agents = after.map((c) => {
      const b = before.get(c.agentId);
      const bf = b ? figures(b) : { total: null, grade: null, levelAfter: c.level.levelBefore, payTotal: 0 };
      const af = figures(c);
      return { agentId: c.agentId, before: bf, after: af, changed: JSON.stringify(bf) !== JSON.stringify(af) };
    });
    const payBefore = agents.reduce((s, a) => s + fen(a.before.payTotal), 0) / 100;
    const payAfter = agents.reduce((s, a) => s + fen(a.after.payTotal), 0) / 100;
    return { period, basePolicyVersion: base.policyVersion, agents, summary: { agents: agents.length, changed: agents.filter((a) => a.changed).length, payTotalBefore: payBefore, payTotalAfter: payAfter } };
  }
}
