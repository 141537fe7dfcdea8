import { Payload } from '@nestjs/microservices';
import { SUBJECTS, type PolicyActivatedEvent } from '@app/contracts';
import type { PolicyCopyStore } from '@app/persistence';
import { JetStreamEventPattern } from '../jetstream-event-pattern.decorator';
import { NonRetryableMessageError } from '../errors';

type Section = 'telephony' | 'attendance';

/**
 * Keeps a service's copy of its section of the policy scoring activated. A service's consumer is
 * this class with its store and section (`@Controller() class X extends PolicyActivatedCopier`):
 * the handler and its subject are declared once, here. Unknown and mistyped keys
 * are dropped (libs/contracts knownOverrides): the copy holds what the service applies.
 */
export abstract class PolicyActivatedCopier {
  protected constructor(
    private readonly store: PolicyCopyStore<object>,
    private readonly section: Section,
  ) {}

  @JetStreamEventPattern(SUBJECTS.scoring.policyActivated)
  async onActivated(@Payload() event: PolicyActivatedEvent): Promise<void> {
    if (typeof event?.policyVersion !== 'string') throw new NonRetryableMessageError('policy event without policyVersion');
    await this.store.replaceSection(event.policyVersion, event[this.section]);
  }
}
