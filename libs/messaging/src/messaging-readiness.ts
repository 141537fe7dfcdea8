import { Injectable } from '@nestjs/common';
import type { JetStreamServer } from './jetstream.server';
import { NatsClient } from './nats-client';
import type { OutboxBacklog } from './outbox/outbox-backlog';
import { OutboxParking } from './outbox/outbox-parking';

/** How long readiness waits for the server to answer a ping: well inside the 2 s it must notice an outage in. */
export const NATS_READINESS_PING_MS = 1_000;

/** Ready = NATS connected and answering and, where the service consumes, every consumer provisioned and running. */
@Injectable()
export class MessagingReadiness {
  readonly name = 'nats';
  private server?: JetStreamServer;

  constructor(
    private readonly nats: NatsClient,
    private readonly outbox: OutboxParking,
  ) {}

  track(server: JetStreamServer): void {
    this.server = server;
  }

  async check(): Promise<boolean> {
    if (this.server && !this.server.isReady()) return false;
    return this.nats.isConnected() && (await this.nats.isResponsive(NATS_READINESS_PING_MS));
  }

  /** Shown beside the checks: a stuck outbox does not make an instance unfit for traffic, but it must be visible. */
  async details(): Promise<{ outbox: OutboxBacklog }> {
    return { outbox: await this.outbox.backlog() };
  }
}
