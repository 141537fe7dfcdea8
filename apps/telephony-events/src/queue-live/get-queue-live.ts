import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { inTurn, TransactionScope } from '@app/persistence';
import { liveReport, type LiveReport } from '../domain/reports/live-report';
import { TelephonyPolicyStore } from '../policy/telephony-policy.store';
import { LiveStateStore } from '../store/live-state.store';

/**
 * The live wallboard, computed from the database (so every instance gives the same answer and a
 * restart loses nothing) and kept for the policy's refresh interval, so a wall of screens
 * polling every second costs one computation per interval per instance.
 */
@Injectable()
export class GetQueueLive {
  private cached?: { at: number; report: Promise<LiveReport> };

  constructor(
    private readonly live: LiveStateStore,
    private readonly policy: TelephonyPolicyStore,
    private readonly scope: TransactionScope,
  ) {}

  async execute(now = Date.now()): Promise<LiveReport> {
    const { values } = await this.policy.current();
    if (this.cached && now - this.cached.at < values.liveRefreshMs && now >= this.cached.at) return this.cached.report;
    const report = this.compute(now);
    this.cached = { at: now, report };
    report.catch(() => (this.cached = undefined));
    return report;
  }

  private async compute(now: number): Promise<LiveReport> {
    const { values } = await this.policy.current();
    const since = new Date(now - values.liveLookbackMs);
    const dayStart = DateTime.fromMillis(now, { zone: values.timeZone }).startOf('day').toJSDate();
    const [waiting, today, calls, presence] = await this.scope.run(() =>
      inTurn(
        () => this.live.waitingNow(since),
        () => this.live.todayByQueue(dayStart, new Date(now + 1), values.serviceLevelTargetMs),
        () => this.live.latestCallActivity(since),
        () => this.live.latestPresence(since),
      ),
    );
    return liveReport({ now, timeZone: values.timeZone, targetMs: values.serviceLevelTargetMs, waiting, today, calls, presence });
  }
}
