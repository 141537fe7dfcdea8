import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { BackgroundWorker } from '@app/platform';
import { TelephonyPolicyStore } from '../policy/telephony-policy.store';
import { CallDirtyQueue } from '../store/call-dirty.queue';
import { CallSummarizer } from './call-summarizer';

const SWEEP_EVERY_MS = 30_000;

/**
 * Calls that never end (a lost hang-up) are not left open for ever: once their last event is
 * older than the policy's call timeout they are re-derived, and the derivation closes them,
 * flagged `closedByTimeout`. A late real end re-opens nothing: it simply yields the next version.
 */
@Injectable()
export class CallTimeoutSweeper extends BackgroundWorker {

  constructor(
    private readonly scope: TransactionScope,
    private readonly dirty: CallDirtyQueue,
    private readonly policy: TelephonyPolicyStore,
    private readonly summarizer: CallSummarizer,
  ) {
    super(SWEEP_EVERY_MS);
  }

  protected work(): Promise<number> {
    return this.sweep();
  }

  async sweep(now = Date.now()): Promise<number> {
    const { values } = await this.policy.current();
    const marked = await this.scope.run(() => this.dirty.markStale(new Date(now - values.callTimeoutMs)));
    if (marked > 0) this.summarizer.kick();
    return marked;
  }
}
