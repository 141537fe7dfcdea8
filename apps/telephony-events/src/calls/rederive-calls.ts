import { Injectable } from '@nestjs/common';
import { IsISO8601 } from 'class-validator';
import { TransactionScope } from '@app/persistence';
import { CallDirtyQueue } from '../store/call-dirty.queue';
import { DerivationSignal } from '../store/derivation-signal';
import { TelephonyErrors } from '../telephony.errors';

export class RederiveWindow {
  @IsISO8601({ strict: true }) from: string;
  @IsISO8601({ strict: true }) to: string;
}

/** Marks every call with events in [from, to) for derivation (e.g. after a policy change). */
@Injectable()
export class RederiveCalls {
  constructor(
    private readonly dirty: CallDirtyQueue,
    private readonly scope: TransactionScope,
    private readonly signal: DerivationSignal,
  ) {}

  async execute(window: RederiveWindow): Promise<{ calls: number }> {
    const from = new Date(window.from);
    const to = new Date(window.to);
    if (!(to > from)) throw TelephonyErrors.badWindow();
    const calls = await this.scope.run(() => this.dirty.markAll(from, to));
    this.signal.notify();
    return { calls };
  }
}
