import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SUBJECTS } from '@app/contracts';
import { JetStreamEventPattern } from '@app/messaging';
import { ReceiveAlert } from './receive-alert';

/** `alerts.>`: every alert of every service, on one durable consumer shared by all instances. */
@Controller()
export class AlertConsumer {
  constructor(private readonly receive: ReceiveAlert) {}

  @JetStreamEventPattern(SUBJECTS.alerts.all)
  async onAlert(@Payload() payload: unknown): Promise<void> {
    await this.receive.execute(payload);
  }
}
