import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { cursorKey, limitOf, mapPage, pageOf, type Page } from '@app/platform';
import { isPeriod } from '../domain/period';
import type { Scorecard } from '../domain/scoring/scorecard';
import { MonthScorer } from '../month/month-scorer';
import { ScoringErrors } from '../scoring.errors';
import { AUTO_QA_CALLS } from '../domain/scoring/kpis';
import { callKpiPredicates, LISTED_KPIS, type CallKpi } from '../store/call-kpi-predicates';
import { FactsStore } from '../store/facts.store';
import { MonthInputsStore, type CallLegKey } from '../store/month-inputs.store';
import { PeriodStore } from '../store/period.store';
import { PolicyStore } from '../store/policy.store';
import { ScorecardStore } from '../store/scorecard.store';

export interface ScorecardView extends Scorecard {
  /** `provisional` while the month is open; `final` (with its revision) once closed. */
  status: 'provisional' | 'final';
  revision: number | null;
}

/** A page of the call ids behind a call KPI (a call offered twice to the agent shows twice), and how many in all. */
export interface CallIdPage extends Page<string> {
  agentId: string;
  period: string;
  kpi: string;
  total: number;
}

export interface RevisionView {
  revision: number;
  createdAt: string;
  figures: unknown;
}

export interface RevisionPage extends Page<RevisionView> {
  agentId: string;
  period: string;
}

/** `?limit=&cursor=` of a list (PageQuery). */
type PageAsk = { limit?: number; cursor?: string };

/**
 * One scorecard and the lists behind it: provisional from the facts so far while open, the latest revision once
 * closed. An agent reads their own; a supervisor their own teams' people (else 403). The month's list: list-scorecards.ts.
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

  async one(user: AuthenticatedUser, agentId: string, period: string): Promise<ScorecardView> {
    await this.teams.assertReaches(user, agentId);
    if (!isPeriod(period)) throw ScoringErrors.badPeriod();
    const card = await this.card(period, agentId);
    if (!card) throw ScoringErrors.agentUnknown(agentId);
    return card;
  }

  private async card(period: string, agentId: string): Promise<ScorecardView | undefined> {
    if ((await this.periods.get(period)).state === 'closed') {
      const stored = (await this.scorecards.latest(period, agentId)).get(agentId);
      return stored && { ...stored.card, status: 'final', revision: stored.revision };
    }
    // The month's facts still rank the card among everyone; only this one card is built.
    const [card] = await this.scorer.score(period, await this.policies.forPeriod(period), false, new Set([agentId]));
    return card && { ...card, status: 'provisional', revision: null };
  }

  /** The revisions of a closed month's scorecard, oldest first: what payroll was told, and when (none while open). */
  async revisions(user: AuthenticatedUser, agentId: string, period: string, q: PageAsk): Promise<RevisionPage> {
    await this.teams.assertReaches(user, agentId);
    if (!isPeriod(period)) throw ScoringErrors.badPeriod();
    const limit = limitOf(q);
    const after = cursorKey(q, ['int'])?.[0] as number | undefined;
    if (!(await this.facts.agentExists(agentId))) throw ScoringErrors.agentUnknown(agentId);
    const rows = await this.scorecards.revisions(period, agentId, { afterRevision: after, limit: limit + 1 });
    const page = mapPage(pageOf(rows, limit, (r) => [r.revision]), (r): RevisionView => ({ revision: r.revision, createdAt: r.createdAt, figures: r.figures }));
    return { agentId, period, ...page };
  }

  async callIds(user: AuthenticatedUser, agentId: string, period: string, kpi: string, q: PageAsk): Promise<CallIdPage> {
    await this.teams.assertReaches(user, agentId);
    if (!isPeriod(period)) throw ScoringErrors.badPeriod();
    if (!(LISTED_KPIS as readonly string[]).includes(kpi)) throw ScoringErrors.unknownKpi(kpi, LISTED_KPIS);
    // Where the previous page ended: (offered at in µs, call id, leg), 400 REQUEST.INVALID_CURSOR for anything else.
    const after = cursorKey(q, ['int', 'string', 'int']) as CallLegKey | undefined;
    if (!(await this.facts.agentExists(agentId))) throw ScoringErrors.agentUnknown(agentId);
    const state = await this.periods.get(period);
    const policy = state.policyVersion ? await this.policies.get(state.policyVersion) : await this.policies.forPeriod(period);
    const limit = limitOf(q);
    const { total, rows } = kpi === AUTO_QA_CALLS
      ? await this.inputs.autoQaCallIds(agentId, period, policy!.document, { after, limit: limit + 1 })
      : await this.inputs.callIds(agentId, period, callKpiPredicates(policy!.document)[kpi as CallKpi], policy!.document, { after, limit: limit + 1 });
    return { agentId, period, kpi, total, ...mapPage(pageOf(rows, limit, (r) => r.key), (r) => r.callId) };
  }
}
