import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SUBJECTS } from '@app/contracts';
import { JetStreamEventPattern } from '@app/messaging';
import { IngestCallEvents } from './ingest-call-events';

/**
 * `telephony.ingest`: for telephony systems that publish to NATS directly. One event or an array
 * per message; rejected items are kept in the rejection log (there is nobody to answer).
 */
@Controller()
export class TelephonyIngestConsumer {
  constructor(private readonly ingest: IngestCallEvents) {}

  @JetStreamEventPattern(SUBJECTS.telephony.ingest)
  async onIngest(@Payload() payload: unknown): Promise<void> {
    await this.ingest.execute(Array.isArray(payload) ? payload : [payload], 'nats');
  }
}
