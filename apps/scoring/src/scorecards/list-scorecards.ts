import { Injectable } from '@nestjs/common';
import { reaches, TeamScope, type AuthenticatedUser, type Reach } from '@app/auth';
import { cursorKey, encodeCursor, limitOf, mapPage, pageOf, type Page } from '@app/platform';
import { isPeriod } from '../domain/period';
import { peopleReadBy, scoreMonth, standingsOf } from '../domain/scoring/score-month';
import type { MonthInputs } from '../domain/scoring/month-inputs';
import { ScoringErrors } from '../scoring.errors';
import { MonthInputsStore } from '../store/month-inputs.store';
import { PeriodStore } from '../store/period.store';
import { PolicyStore } from '../store/policy.store';
import { reachFilter } from '../store/reach-filter';
import { ScorecardStore } from '../store/scorecard.store';
import { ProvisionalStandings, StandingsSnapshot } from './provisional-standings';
import type { ScorecardView } from './read-scorecards';

export interface ScorecardPage extends Page<ScorecardView> {
  period: string;
}

/**
 * A month's scorecards a page at a time, by agent id, as `user` may see them (a supervisor: their teams' people,
 * cut in the query). Never the month whole (issue 17: 5,011 cards in one answer killed a 128 MB service).
 *
 * A closed month reads one page of stored revisions. An open month's card ranks its person among everyone, so the
 * first page of a walk works out every person's standing from the month's facts (no card built but the page's) and
 * the cursor names that snapshot: each later page reads its own people's facts only, ranked as the first page found.
 */
@Injectable()
export class ListScorecards {
  constructor(
    private readonly periods: PeriodStore,
    private readonly policies: PolicyStore,
    private readonly inputs: MonthInputsStore,
    private readonly scorecards: ScorecardStore,
    private readonly snapshots: ProvisionalStandings,
    private readonly teams: TeamScope,
  ) {}

  async execute(user: AuthenticatedUser, period: string, q: { limit?: number; cursor?: string }): Promise<ScorecardPage> {
    if (!isPeriod(period)) throw ScoringErrors.badPeriod();
    const limit = limitOf(q);
    // (snapshot token or '', the last agent id shown): 400 REQUEST.INVALID_CURSOR for anything else.
    const [token, after] = (cursorKey(q, ['string', 'string']) ?? ['', undefined]) as [string, string | undefined];
    const reach = await this.teams.reachOf(user);
    const closed = (await this.periods.get(period)).state === 'closed';
    const page = closed ? await this.final(period, after, limit, reach) : await this.provisional(period, token, after, limit, reach);
    return { period, ...page };
  }

  private async final(period: string, after: string | undefined, limit: number, reach: Reach): Promise<Page<ScorecardView>> {
    const rows = await this.scorecards.latestPage(period, { after, limit: limit + 1, within: reachFilter(reach) });
    return mapPage(
      pageOf(rows, limit, (s) => ['', s.card.agentId]),
      (s): ScorecardView => ({ ...s.card, status: 'final', revision: s.revision }),
    );
  }

  private async provisional(period: string, token: string, after: string | undefined, limit: number, reach: Reach): Promise<Page<ScorecardView>> {
    let snapshot = token === '' ? undefined : this.snapshots.find(token, period);
    let inputs: MonthInputs | undefined;
    if (!snapshot) {
      const policy = await this.policies.forPeriod(period);
      inputs = await this.inputs.load(period, policy.document, { carryOver: false });
      snapshot = new StandingsSnapshot(period, policy, standingsOf(inputs, policy.document));
    }
    const found = snapshot.after(after, limit + 1, (s) => reaches(reach, s.agentId, s.team));
    const shown = found.slice(0, limit);
    if (shown.length === 0) return { items: [], nextCursor: null };
    const only = new Set(shown.map((s) => s.agentId));
    const { policy, standings } = snapshot;
    inputs ??= await this.inputs.load(period, policy.document, {
      carryOver: false,
      agentIds: [...new Set([...only, ...shown.flatMap((lead) => peopleReadBy(lead, standings))])],
    });
    const cards = new Map(scoreMonth(inputs, policy.document, policy.policyVersion, { only, placings: snapshot.placings }).map((c) => [c.agentId, c]));
    const more = found.length > limit;
    if (more) this.snapshots.keep(snapshot);
    return {
      // Someone who left since the snapshot has no card now: the page is one shorter.
      items: shown.flatMap((s) => {
        const card = cards.get(s.agentId);
        return card ? [{ ...card, status: 'provisional' as const, revision: null }] : [];
      }),
      nextCursor: more ? encodeCursor([snapshot.token, shown[shown.length - 1].agentId]) : null,
    };
  }
}
