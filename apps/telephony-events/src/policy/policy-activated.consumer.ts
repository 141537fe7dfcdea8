import { Controller } from '@nestjs/common';
import { PolicyActivatedCopier } from '@app/messaging';
import { TelephonyPolicyStore } from './telephony-policy.store';

/** Keeps this service's copy of the ring, hold and quality limits in the active policy. */
@Controller()
export class PolicyActivatedConsumer extends PolicyActivatedCopier {
  constructor(store: TelephonyPolicyStore) {
    super(store, 'telephony');
  }
}
