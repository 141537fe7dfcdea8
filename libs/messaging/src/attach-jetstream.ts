import type { INestApplication } from '@nestjs/common';
import { ALL_STREAMS } from '@app/contracts';
import { Inbox } from './inbox/inbox';
import { JetStreamServer, type JetStreamServerOptions } from './jetstream.server';
import { MessagingReadiness } from './messaging-readiness';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.module';
import { NatsClient } from './nats-client';

export type JetStreamTuning = Pick<JetStreamServerOptions, 'retry' | 'concurrency' | 'prefetch' | 'maxBatch' | 'ackWaitMs'>;

/**
 * Connects the JetStream transport to a Nest app, so its @EventPattern handlers consume from
 * durable consumers. Used by every service's main.ts and by tests, so both run the same wiring.
 */
export function attachJetStream(app: INestApplication, tuning: JetStreamTuning = {}): JetStreamServer {
  const options = app.get<MessagingOptions>(MESSAGING_OPTIONS);
  const server = new JetStreamServer({
    service: options.service,
    nats: app.get(NatsClient),
    inbox: app.get(Inbox),
    streams: options.streams ?? ALL_STREAMS,
    streamSettings: options.streamSettings,
    ...tuning,
  });
  // Shares the app's global filter, so handlers' errors reach the transport unchanged.
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
  app.get(MessagingReadiness).track(server);
  return server;
}
