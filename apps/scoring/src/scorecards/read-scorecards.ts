import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { isPeriod } from '../domain/period';
import type { Scorecard } from '../domain/scoring/scorecard';
import { MonthScorer } from '../month/month-scorer';
import { ScoringErrors } from '../scoring.errors';
import { CALL_KPIS, callKpiPredicates, type CallKpi } from '../store/call-kpi-predicates';
import { FactsStore } from '../store/facts.store';
import { MonthInputsStore } from '../store/month-inputs.store';
import { PeriodStore } from '../store/period.store';
import { PolicyStore } from '../store/policy.store';
import { ScorecardStore } from '../store/scorecard.store';

export interface ScorecardView extends Scorecard {
  /** `provisional` while the month is open; `final` (with its revision) once closed. */
  status: 'provisional' | 'final';
  revision: number | null;
}

export interface CallIdPage {
  agentId: string;
  period: string;
  kpi: string;
  page: number;
  pageSize: number;
  total: number;
  callIds: string[];
}

/**
 * Scorecards: provisional from the facts so far while open, the latest revision once closed. An agent reads
 * their own; a supervisor the cards of their own teams' people (the list cut down, one card outside → 403).
 */
@Injectable()
export class ReadScorecards {
  constructor(
    private readonly periods: PeriodStore,
    private readonly policies: PolicyStore,
    private readonly scorer: MonthScorer,
    private readonly scorecards: ScorecardStore,
    private readonly facts: FactsStore,
    private readonly inputs: MonthInputsStore,
    private readonly teams: TeamScope,
  ) {}

  /** A month's scorecards as `user` may see them. */
  async list(user: AuthenticatedUser, period: string): Promise<ScorecardView[]> {
    return this.teams.filter(user, await this.month(period), (c) => c.agentId);
  }

  async month(period: string, agentId?: string): Promise<ScorecardView[]> {
    if (!isPeriod(period)) throw ScoringErrors.badPeriod();
    const state = await this.periods.get(period);
    if (state.state === 'closed') {
      const latest = await this.scorecards.latest(period, agentId);
      return [...latest.values()].map((s) => ({ ...s.card, status: 'final', revision: s.revision }));
    }
    const cards = await this.scorer.score(period, await this.policies.forPeriod(period), false);
    return cards.filter((c) => !agentId || c.agentId === agentId).map((c) => ({ ...c, status: 'provisional', revision: null }));
  }

  async one(user: AuthenticatedUser, agentId: string, period: string): Promise<ScorecardView> {
    await this.teams.assertReaches(user, agentId);
    const [card] = await this.month(period, agentId);
    if (!card) throw ScoringErrors.agentUnknown(agentId);
    return card;
  }

  /** Every revision of a closed month's scorecard: what payroll was told, and when. */
  async revisions(user: AuthenticatedUser, agentId: string, period: string): Promise<Array<{ revision: number; createdAt: string; figures: unknown }>> {
    await this.teams.assertReaches(user, agentId);
    if (!isPeriod(period)) throw ScoringErrors.badPeriod();
    if (!(await this.facts.agentExists(agentId))) throw ScoringErrors.agentUnknown(agentId);
    return (await this.scorecards.revisions(period, agentId)).map((r) => ({ revision: r.revision, createdAt: r.createdAt, figures: r.figures }));
  }

  async callIds(user: AuthenticatedUser, agentId: string, period: string, kpi: string, page: number, pageSize: number): Promise<CallIdPage> {
    await this.teams.assertReaches(user, agentId);
    if (!isPeriod(period)) throw ScoringErrors.badPeriod();
    if (!(CALL_KPIS as readonly string[]).includes(kpi)) throw ScoringErrors.unknownKpi(kpi, CALL_KPIS);
    if (!(await this.facts.agentExists(agentId))) throw ScoringErrors.agentUnknown(agentId);
    const state = await this.periods.get(period);
    const policy = state.policyVersion ? await this.policies.get(state.policyVersion) : await this.policies.forPeriod(period);
    const predicate = callKpiPredicates(policy!.document)[kpi as CallKpi];
    const found = await this.inputs.callIds(agentId, period, predicate, policy!.document, page, pageSize);
    return { agentId, period, kpi, page, pageSize, ...found };
  }
}
