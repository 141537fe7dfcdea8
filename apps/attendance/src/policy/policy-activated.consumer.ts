import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SUBJECTS, type PolicyActivatedEvent } from '@app/contracts';
import { JetStreamEventPattern, NonRetryableMessageError } from '@app/messaging';
import { DEFAULT_ATTENDANCE_POLICY } from '../domain/attendance-policy';
import { AttendancePolicyStore } from './attendance-policy.store';

/** Keeps attendance's copy of the grace periods, windows, leave types and swap limits in force. */
@Controller()
export class PolicyActivatedConsumer {
  constructor(private readonly store: AttendancePolicyStore) {}

  @JetStreamEventPattern(SUBJECTS.scoring.policyActivated)
  async onActivated(@Payload() event: PolicyActivatedEvent): Promise<void> {
    if (typeof event?.policyVersion !== 'string') throw new NonRetryableMessageError('policy event without policyVersion');
    const known = Object.fromEntries(Object.entries(event.attendance ?? {}).filter(([k]) => k in DEFAULT_ATTENDANCE_POLICY));
    await this.store.replace(event.policyVersion, known);
  }
}
