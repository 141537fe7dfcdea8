import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { TransactionScope } from '@app/persistence';
import { agentStatsReport, type AgentStatsReport } from '../domain/reports/agent-stats';
import { localIso, reportWindow } from '../domain/reports/report-window';
import { TelephonyPolicyStore } from '../policy/telephony-policy.store';
import { CallFactsStore } from '../store/call-facts.store';
import { TelephonyErrors } from '../telephony.errors';

export interface GetAgentStatsQuery {
  from: string;
  to: string;
  queue?: string;
}

/**
 * Per-agent statistics of a window (Asternic's "answered / unanswered by agent"), summed in the database; a
 * supervisor gets the rows of their own teams' people (telephony's copy of attendance's directory).
 */
@Injectable()
export class GetAgentStats {
  constructor(
    private readonly facts: CallFactsStore,
    private readonly policy: TelephonyPolicyStore,
    private readonly scope: TransactionScope,
    private readonly teams: TeamScope,
  ) {}

  async execute(q: GetAgentStatsQuery, user: AuthenticatedUser): Promise<AgentStatsReport> {
    const { values } = await this.policy.current();
    const window = reportWindow(q.from, q.to, values.timeZone, values.reportMaxWindowDays);
    if ('problem' in window) throw TelephonyErrors.window(window);
    const totals = await this.scope.run(() =>
      this.facts.agentTotals({ from: new Date(window.from), to: new Date(window.to), queue: q.queue || undefined, binMs: values.waitBinMs, timeZone: values.timeZone }),
    );
    return agentStatsReport(await this.teams.filter(user, totals, (t) => t.agentId), {
      from: localIso(window.from, values.timeZone), to: localIso(window.to, values.timeZone), timeZone: values.timeZone, binMs: values.waitBinMs,
    });
  }
}
