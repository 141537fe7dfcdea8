import { Controller } from '@nestjs/common';
import { PolicyActivatedCopier } from '@app/messaging';
import { AttendancePolicyStore } from './attendance-policy.store';

/** Keeps attendance's copy of the grace periods, windows, leave types and swap limits in force. */
@Controller()
export class PolicyActivatedConsumer extends PolicyActivatedCopier {
  constructor(store: AttendancePolicyStore) {
    super(store, 'attendance');
  }
}
