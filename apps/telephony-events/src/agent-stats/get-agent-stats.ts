import { Injectable } from '@nestjs/common';
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

/** Per-agent statistics of a window (Asternic's "answered / unanswered by agent"), summed in the database. */
@Injectable()
export class GetAgentStats {
  constructor(
    private readonly facts: CallFactsStore,
    private readonly policy: TelephonyPolicyStore,
    private readonly scope: TransactionScope,
  ) {}

  async execute(q: GetAgentStatsQuery): Promise<AgentStatsReport> {
    const { values } = await this.policy.current();
    const window = reportWindow(q.from, q.to, values.timeZone, values.reportMaxWindowDays);
    if ('problem' in window) throw TelephonyErrors.window(window);
    const totals = await this.scope.run(() =>
      this.facts.agentTotals({ from: new Date(window.from), to: new Date(window.to), queue: q.queue || undefined, binMs: values.waitBinMs, timeZone: values.timeZone }),
    );
    return agentStatsReport(totals, {
      from: localIso(window.from, values.timeZone), to: localIso(window.to, values.timeZone), timeZone: values.timeZone, binMs: values.waitBinMs,
    });
  }
}
