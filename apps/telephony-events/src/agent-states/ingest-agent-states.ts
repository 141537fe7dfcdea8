import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { validateAgentStates } from '../domain/events/validate-agent-state';
import { TelephonyPolicyStore } from '../policy/telephony-policy.store';
import { CallEventStore } from '../store/call-event.store';
import { IngestRejectionLog } from '../store/ingest-rejection.log';
import { TelephonyErrors } from '../telephony.errors';

/** Agent presence changes (login, logout, pause…) from a telephony system; idempotent on eventId. */
@Injectable()
export class IngestAgentStates {
  constructor(
    private readonly scope: TransactionScope,
    private readonly events: CallEventStore,
    private readonly rejections: IngestRejectionLog,
    private readonly policy: TelephonyPolicyStore,
  ) {}

  async execute(items: unknown[], now = Date.now()): Promise<{ accepted: number; duplicates: number; rejected: number }> {
    const { values } = await this.policy.current();
    if (items.length > values.maxEventsPerRequest) throw TelephonyErrors.tooManyEvents(values.maxEventsPerRequest, items.length);
    const { valid, rejected } = validateAgentStates(items, values, now);
    const stored = await this.scope.run(() => this.events.appendAgentStates(valid, 'nats'));
    await this.scope.run(() => this.rejections.record('nats', rejected, items));
    return { accepted: stored, duplicates: valid.length - stored, rejected: rejected.length };
  }
}
