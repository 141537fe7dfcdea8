import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { BackgroundWorker } from '@app/platform';
import { detectCallAlerts, isLive } from '../domain/alerts/alert-rules';
import { toIsoUtc } from '../domain/events/iso-instant';
import { ringingAt } from '../domain/facts/ring-limit';
import { TelephonyPolicyStore } from '../policy/telephony-policy.store';
import { CallFactsStore } from '../store/call-facts.store';
import { AlertRaiser } from './alert-raiser';

const CHECK_EVERY_MS = 1_000;

/**
 * A phone still ringing past the policy's limit raises its alert now, not when someone finally
 * answers: checked every second over open calls with a leg still ringing.
 */
@Injectable()
export class RingingWatch extends BackgroundWorker {

  constructor(
    private readonly scope: TransactionScope,
    private readonly facts: CallFactsStore,
    private readonly policy: TelephonyPolicyStore,
    private readonly alerts: AlertRaiser,
  ) {
    super(CHECK_EVERY_MS);
  }

  protected work(): Promise<number> {
    return this.check();
  }

  async check(now = Date.now()): Promise<number> {
    const { values } = await this.policy.current();
    return this.scope.run(async () => {
      const calls = (await this.facts.ringingSince(now - values.ringLimitRings * values.ringCycleMs)).filter((f) => isLive(f.lastEventAt, now, values));
      const drafts = calls.flatMap((f) =>
        detectCallAlerts(ringingAt(f, now, values), values)
          .filter((d) => d.kind === 'call.ring-limit-exceeded')
          .map((draft) => ({ draft, callId: f.callId, occurredAt: toIsoUtc(now) })),
      );
      return this.alerts.raise(drafts);
    });
  }
}
