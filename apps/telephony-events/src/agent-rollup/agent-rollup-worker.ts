import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { TelephonyPolicyStore } from '../policy/telephony-policy.store';
import { RollupWorker } from '../rollups/rollup-worker';
import { AgentLegRollup, type RollupBasis } from '../store/agent-leg-rollup.store';
import { basisOf, sameBasis } from './rollup-basis';

/** Keeps the daily per-agent rollup (store/agent-leg-rollup.store.ts) in step with call_leg; basis: zone and wait bin. */
@Injectable()
export class AgentRollupWorker extends RollupWorker<RollupBasis> {
  constructor(scope: TransactionScope, rollup: AgentLegRollup, policy: TelephonyPolicyStore) {
    super(scope, rollup, policy, basisOf, sameBasis);
  }
}
