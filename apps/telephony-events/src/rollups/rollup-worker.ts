import { TransactionScope } from '@app/persistence';
import { BackgroundWorker } from '@app/platform';
import type { TelephonyPolicy } from '../domain/telephony-policy';
import { TelephonyPolicyStore } from '../policy/telephony-policy.store';

/** A rollup kept in step with the facts it sums, built under a basis (the policy values that shape it). */
export interface MaintainedRollup<B> {
  /** Whether this instance holds the rollup's lock for the transaction (the others skip their pass). */
  claim(): Promise<boolean>;
  basis(): Promise<B | null>;
  rebuild(basis: B): Promise<void>;
  /** Recomputes up to `maxDays` days with noted changes; how many it did. */
  refreshChangedDays(basis: B, maxDays: number): Promise<number>;
}

/**
 * Often enough that a day being written is seldom read raw for long; a pass recomputes whole
 * days, so a shorter period would redo today's sums over and over while calls arrive.
 */
const POLL_MS = 2_000;
/** Days recomputed per transaction: a rebuild's month is committed in steps, not held in one. */
const DAYS_PER_TRANSACTION = 5;

/**
 * Keeps a rollup in step with its facts: when the policy's basis differs from what the rollup was built
 * with it is rebuilt (statistics read the facts meanwhile); otherwise the days with noted changes are
 * recomputed. One instance at a time. The agent and queue rollups are this with their store and basis.
 */
export abstract class RollupWorker<B> extends BackgroundWorker {
  protected constructor(
    private readonly scope: TransactionScope,
    private readonly rollup: MaintainedRollup<B>,
    private readonly policy: TelephonyPolicyStore,
    private readonly basisOf: (policy: TelephonyPolicy) => B,
    private readonly sameBasis: (built: B | null, wanted: B) => boolean,
  ) {
    super(POLL_MS);
  }

  protected work(): Promise<number> {
    return this.refresh();
  }

  /** Rebuilds or refreshes until nothing is pending; returns how many days were recomputed. */
  async refresh(): Promise<number> {
    const wanted = this.basisOf((await this.policy.current()).values);
    let total = 0;
    for (;;) {
      const step = await this.scope.run(async () => {
        if (!(await this.rollup.claim())) return { days: 0, more: false };
        if (!this.sameBasis(await this.rollup.basis(), wanted)) {
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
