import { Injectable } from '@nestjs/common';
import type { JetStreamServer } from './jetstream.server';
import { NatsClient } from './nats-client';

/** Ready = NATS connected and, where the service consumes, every consumer provisioned and running. */
@Injectable()
export class MessagingReadiness {
  readonly name = 'nats';
  private server?: JetStreamServer;

  constructor(private readonly nats: NatsClient) {}

  track(server: JetStreamServer): void {
    this.server = server;
  }

  async check(): Promise<boolean> {
    return this.nats.isConnected() && (this.server ? this.server.isReady() : true);
  }
}
