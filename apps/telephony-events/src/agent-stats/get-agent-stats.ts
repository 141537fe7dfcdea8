import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { TransactionScope } from '@app/persistence';
import { cursorKey, limitOf, mapPage, pageOf, type Page } from '@app/platform';
import { agentStatsOf, type AgentStats, type AgentStatsWindow } from '../domain/reports/agent-stats';
import { localIso, reportWindow } from '../domain/reports/report-window';
import { TelephonyPolicyStore } from '../policy/telephony-policy.store';
import { CallFactsStore } from '../store/call-facts.store';
import { TelephonyErrors } from '../telephony.errors';

export interface GetAgentStatsQuery {
  from: string;
  to: string;
  queue?: string;
  limit?: number;
  cursor?: string;
}

/** The window beside a page of agents' rows. */
export type AgentStatsPage = AgentStatsWindow & Page<AgentStats>;

/**
 * Per-agent statistics of a window (Asternic's "answered / unanswered by agent"), summed in the database, a
 * page of agents at a time in id order; a supervisor's pages hold their own teams' people only (telephony's
 * copy of attendance's directory), so a page is full whatever the team's share of the centre.
 */
@Injectable()
export class GetAgentStats {
  constructor(
    private readonly facts: CallFactsStore,
    private readonly policy: TelephonyPolicyStore,
    private readonly scope: TransactionScope,
    private readonly teams: TeamScope,
  ) {}

  async execute(q: GetAgentStatsQuery, user: AuthenticatedUser): Promise<AgentStatsPage> {
    const { values } = await this.policy.current();
    const window = reportWindow(q.from, q.to, values.timeZone, values.reportMaxWindowDays);
    if ('problem' in window) throw TelephonyErrors.window(window);
    const after = cursorKey(q, ['string'])?.[0] as string | undefined;
    const limit = limitOf(q);
    const reach = await this.teams.reachOf(user);
    const { totals, binCount } = await this.scope.run(() =>
      this.facts.agentTotals({
        from: new Date(window.from), to: new Date(window.to), queue: q.queue || undefined, binMs: values.waitBinMs, timeZone: values.timeZone,
        reach: reach.all ? undefined : { self: reach.self, teams: [...reach.teams] }, after, limit: limit + 1,
      }),
    );
    const page = mapPage(pageOf(totals, limit, (t) => [t.agentId]), (t) => agentStatsOf(t, values.waitBinMs, binCount));
    return { from: localIso(window.from, values.timeZone), to: localIso(window.to, values.timeZone), timeZone: values.timeZone, binMs: values.waitBinMs, ...page };
  }
}
