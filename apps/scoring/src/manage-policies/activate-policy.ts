import { Injectable } from '@nestjs/common';
import { SUBJECTS, type PolicyActivatedEvent } from '@app/contracts';
import { OutboxWriter } from '@app/messaging';
import { TransactionScope } from '@app/persistence';
import { ScoringErrors } from '../scoring.errors';
import { PolicyStore, type StoredPolicy } from '../store/policy.store';

/** Puts a policy version in force and tells the other services (`scoring.policy.activated`). */
@Injectable()
export class ActivatePolicy {
  constructor(
    private readonly scope: TransactionScope,
    private readonly policies: PolicyStore,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(policyVersion: string): Promise<StoredPolicy> {
    return this.scope.run(async () => {
      if (!(await this.policies.get(policyVersion))) throw ScoringErrors.policyNotFound(policyVersion);
      const stored = await this.policies.markActivated(policyVersion);
      const event: PolicyActivatedEvent = {
        policyVersion: stored.policyVersion,
        effectiveFrom: stored.effectiveFrom,
        telephony: { ...stored.document.telephony, timeZone: stored.document.timeZone },
        ...(stored.document.attendance ? { attendance: stored.document.attendance } : {}),
        ...(stored.document.qa ? { qa: stored.document.qa } : {}),
      };
      await this.outbox.add({ subject: SUBJECTS.scoring.policyActivated, payload: event, messageId: `policy-activated-${stored.policyVersion}-${Date.parse(stored.activatedAt!)}` });
      return stored;
    });
  }
}
