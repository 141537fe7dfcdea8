import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { checkQueueStatsOptions, queueStatsReport, type QueueStatsReport } from '../domain/reports/queue-stats';
import { reportWindow } from '../domain/reports/report-window';
import { TelephonyPolicyStore } from '../policy/telephony-policy.store';
import { CallFactsStore } from '../store/call-facts.store';
import { TelephonyErrors } from '../telephony.errors';

export interface GetQueueStatsQuery {
  from: string;
  to: string;
  queue?: string;
  targetSec?: number;
}

/** The queue report of a window, summed in the database (memory per request: groups, not calls). */
@Injectable()
export class GetQueueStats {
  constructor(
    private readonly facts: CallFactsStore,
    private readonly policy: TelephonyPolicyStore,
    private readonly scope: TransactionScope,
  ) {}

  async execute(q: GetQueueStatsQuery): Promise<QueueStatsReport> {
    const { values } = await this.policy.current();
    const window = reportWindow(q.from, q.to, values.timeZone, values.reportMaxWindowDays);
    if ('problem' in window) throw TelephonyErrors.window(window);
    const options = {
      from: window.from,
      to: window.to,
      timeZone: values.timeZone,
      targetMs: q.targetSec !== undefined ? q.targetSec * 1000 : values.serviceLevelTargetMs,
      binMs: values.waitBinMs,
    };
    checkQueueStatsOptions(options);
    const totals = await this.scope.run(() =>
      this.facts.queueTotals({ ...options, from: new Date(window.from), to: new Date(window.to), queue: q.queue || undefined }),
    );
    return queueStatsReport(totals, options);
  }
}
