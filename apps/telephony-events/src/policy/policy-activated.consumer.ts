import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SUBJECTS, type PolicyActivatedEvent } from '@app/contracts';
import { JetStreamEventPattern, NonRetryableMessageError } from '@app/messaging';
import { DEFAULT_TELEPHONY_POLICY, type TelephonyPolicy } from '../domain/telephony-policy';
import { TelephonyPolicyStore } from './telephony-policy.store';

/** Keeps this service's copy of the ring, hold and quality limits in the active policy. */
@Controller()
export class PolicyActivatedConsumer {
  constructor(private readonly store: TelephonyPolicyStore) {}

  @JetStreamEventPattern(SUBJECTS.scoring.policyActivated)
  async onActivated(@Payload() event: PolicyActivatedEvent): Promise<void> {
    if (typeof event?.policyVersion !== 'string') throw new NonRetryableMessageError('policy event without policyVersion');
    const telephony: Partial<TelephonyPolicy> = {};
    for (const [key, value] of Object.entries(event.telephony ?? {})) {
      // Only known parameters of the right type: an unknown or mistyped one is ignored, not applied.
      const known = DEFAULT_TELEPHONY_POLICY[key as keyof TelephonyPolicy];
      if (known !== undefined && typeof known === typeof value) (telephony as Record<string, unknown>)[key] = value;
    }
    await this.store.replace(event.policyVersion, telephony);
  }
}
