import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { BackgroundWorker } from '@app/platform';
import type { TelephonyPolicy } from '../domain/telephony-policy';
import { TelephonyPolicyStore } from '../policy/telephony-policy.store';
import { QueueHourRollup, type QueueRollupBasis } from '../store/queue-hour-rollup.store';

/** As the agent rollup's worker (agent-rollup/agent-rollup-worker.ts), for the same reasons. */
const POLL_MS = 2_000;
const DAYS_PER_TRANSACTION = 5;

/** The basis the current policy asks for: its zone cuts the days, its bin width and target sort the calls. */
export const queueBasisOf = (policy: Pick<TelephonyPolicy, 'timeZone' | 'waitBinMs' | 'serviceLevelTargetMs'>): QueueRollupBasis => ({
  timeZone: policy.timeZone,
  binMs: Math.round(policy.waitBinMs),
  targetMs: policy.serviceLevelTargetMs,
});

const sameBasis = (a: QueueRollupBasis | null, b: QueueRollupBasis): boolean =>
  a !== null && a.timeZone === b.timeZone && a.binMs === b.binMs && a.targetMs === b.targetMs;

/**
 * Keeps the hourly per-queue rollup (store/queue-hour-rollup.store.ts) in step with call_facts: rebuilt
 * when the policy's zone, wait bin or service-level target differs from its basis (statistics read the
 * calls meanwhile), otherwise the days with noted changes are recomputed. One instance at a time.
 */
@Injectable()
export class QueueRollupWorker extends BackgroundWorker {
  constructor(
    private readonly scope: TransactionScope,
    private readonly rollup: QueueHourRollup,
    private readonly policy: TelephonyPolicyStore,
  ) {
    super(POLL_MS);
  }

  protected work(): Promise<number> {
    return this.refresh();
  }

  /** Rebuilds or refreshes until nothing is pending; returns how many days were recomputed. */
  async refresh(): Promise<number> {
    const wanted = queueBasisOf((await this.policy.current()).values);
    let total = 0;
    for (;;) {
      const step = await this.scope.run(async () => {
        if (!(await this.rollup.claim())) return { days: 0, more: false };
        if (!sameBasis(await this.rollup.basis(), wanted)) {
          await this.rollup.rebuild(wanted);
          return { days: 0, more: true };
        }
        const days = await this.rollup.refreshChangedDays(wanted, DAYS_PER_TRANSACTION);
        return { days, more: days === DAYS_PER_TRANSACTION };
      });
      total += step.days;
      if (!step.more) return total;
    }
  }
}
