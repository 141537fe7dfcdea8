import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import type { TelephonyPolicy } from '../domain/telephony-policy';
import { TelephonyPolicyStore } from '../policy/telephony-policy.store';
import { RollupWorker } from '../rollups/rollup-worker';
import { QueueHourRollup, type QueueRollupBasis } from '../store/queue-hour-rollup.store';

/** The basis the current policy asks for: its zone cuts the days, its bin width and target sort the calls. */
export const queueBasisOf = (policy: Pick<TelephonyPolicy, 'timeZone' | 'waitBinMs' | 'serviceLevelTargetMs'>): QueueRollupBasis => ({
  timeZone: policy.timeZone,
  binMs: Math.round(policy.waitBinMs),
  targetMs: policy.serviceLevelTargetMs,
});

const sameBasis = (a: QueueRollupBasis | null, b: QueueRollupBasis): boolean =>
  a !== null && a.timeZone === b.timeZone && a.binMs === b.binMs && a.targetMs === b.targetMs;

/** Keeps the hourly per-queue rollup (store/queue-hour-rollup.store.ts) in step with call_facts; basis: zone, wait bin, target. */
@Injectable()
export class QueueRollupWorker extends RollupWorker<QueueRollupBasis> {
  constructor(scope: TransactionScope, rollup: QueueHourRollup, policy: TelephonyPolicyStore) {
    super(scope, rollup, policy, queueBasisOf, sameBasis);
  }
}
