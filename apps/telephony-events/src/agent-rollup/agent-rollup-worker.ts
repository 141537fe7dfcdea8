import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { BackgroundWorker } from '@app/platform';
import { TelephonyPolicyStore } from '../policy/telephony-policy.store';
import { AgentLegRollup } from '../store/agent-leg-rollup.store';
import { basisOf, sameBasis } from './rollup-basis';

/**
 * Often enough that a day being written is seldom read raw for long; a pass recomputes whole
 * days, so a shorter period would redo today's sums over and over while calls arrive.
 */
const POLL_MS = 2_000;
/** Days recomputed per transaction: a rebuild's month is committed in steps, not held in one. */
const DAYS_PER_TRANSACTION = 5;

/**
 * Keeps the daily per-agent rollup (store/agent-leg-rollup.store.ts) in step with call_leg: when the
 * policy's zone or wait bin differs from what the rollup was built with it is rebuilt (statistics read
 * raw legs meanwhile); otherwise the days with noted leg changes are recomputed. One instance at a
 * time (the others skip their pass).
 */
@Injectable()
export class AgentRollupWorker extends BackgroundWorker {
  constructor(
    private readonly scope: TransactionScope,
    private readonly rollup: AgentLegRollup,
    private readonly policy: TelephonyPolicyStore,
  ) {
    super(POLL_MS);
  }

  protected work(): Promise<number> {
    return this.refresh();
  }

  /** Rebuilds or refreshes until nothing is pending; returns how many days were recomputed. */
  async refresh(): Promise<number> {
    const wanted = basisOf((await this.policy.current()).values);
    let total = 0;
    for (;;) {
      const step = await this.scope.run(async () => {
        if (!(await this.rollup.claim())) return { days: 0, more: false };
        const basis = await this.rollup.basis();
        if (!sameBasis(basis, wanted)) {
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
