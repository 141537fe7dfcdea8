import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { CallDirtyQueue } from '../store/call-dirty.queue';
import { DerivationFailures } from '../store/derivation-failures';
import { DerivationSignal } from '../store/derivation-signal';
import { TelephonyErrors } from '../telephony.errors';

/**
 * Gives a set-aside call a fresh round of derivation attempts (e.g. after a fix is deployed): taken out of
 * set-aside and marked dirty in one transaction, so it is either retried or still listed, never lost between.
 */
@Injectable()
export class RetryDerivation {
  constructor(
    private readonly failures: DerivationFailures,
    private readonly dirty: CallDirtyQueue,
    private readonly scope: TransactionScope,
    private readonly signal: DerivationSignal,
  ) {}

  async execute(callId: string): Promise<{ callId: string; retrying: true }> {
    const released = await this.scope.run(async () => {
      const ok = await this.failures.release(callId);
      if (ok) await this.dirty.mark([callId]);
      return ok;
    });
    if (!released) throw TelephonyErrors.notSetAside(callId);
    this.signal.notify();
    return { callId, retrying: true };
  }
}
