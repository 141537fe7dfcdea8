import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { isPeriod } from '../domain/period';
import { validatePolicy } from '../domain/policy/validate-policy';
import { scoreFigures, type ScoreFigures } from '../domain/scoring/score-figures';
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

const figures = (c: Scorecard): SimulatedFigures => fromScoreFigures(scoreFigures(c));
const fromScoreFigures = (f: ScoreFigures): SimulatedFigures => ({ total: f.totalScore, grade: f.grade, levelAfter: f.levelAfter, payTotal: f.pay.total });
const fen = (yuan: number) => Math.round(yuan * 100);

/**
 * What-if: a draft policy over a month beside the figures in force. Writes and publishes nothing. The whole centre
 * is scored (ranks and shares depend on everyone); a supervisor is shown their own teams' people, totals over them.
 */
@Injectable()
export class SimulatePolicy {
  constructor(
    private readonly periods: PeriodStore,
    private readonly policies: PolicyStore,
    private readonly scorer: MonthScorer,
    private readonly scorecards: ScorecardStore,
    private readonly teams: TeamScope,
  ) {}

  async execute(period: unknown, draft: unknown, user: AuthenticatedUser): Promise<Simulation> {
    if (!isPeriod(period)) throw ScoringErrors.badPeriod();
    const { policy, errors } = validatePolicy(draft);
    if (!policy) throw ScoringErrors.policyInvalid(errors, 'policy.');
    const state = await this.periods.get(period);
    const base = state.policyVersion ? (await this.policies.get(state.policyVersion))! : await this.policies.forPeriod(period);
    const before = new Map<string, SimulatedFigures>();
    if (state.state === 'closed') (await this.scorecards.latestFigures(period)).forEach((f, id) => before.set(id, fromScoreFigures(f)));
    else for (const c of await this.scorer.score(period, base, false)) before.set(c.agentId, figures(c));
    const after = await this.scorer.score(period, { ...base, policyVersion: `${policy.name}-draft`, document: policy }, state.forced);
    const agents = (await this.teams.filter(user, after, (c) => c.agentId)).map((c) => {
      const bf = before.get(c.agentId) ?? { total: null, grade: null, levelAfter: c.level.levelBefore, payTotal: 0 };
      const af = figures(c);
      return { agentId: c.agentId, before: bf, after: af, changed: JSON.stringify(bf) !== JSON.stringify(af) };
    });
    const payBefore = agents.reduce((s, a) => s + fen(a.before.payTotal), 0) / 100;
    const payAfter = agents.reduce((s, a) => s + fen(a.after.payTotal), 0) / 100;
    return { period, basePolicyVersion: base.policyVersion, agents, summary: { agents: agents.length, changed: agents.filter((a) => a.changed).length, payTotalBefore: payBefore, payTotalAfter: payAfter } };
  }
}
