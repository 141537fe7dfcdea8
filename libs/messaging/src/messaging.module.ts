import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ALL_STREAMS, type StreamDefinition } from '@app/contracts';
import { TransactionScope } from '@app/persistence';
import { Inbox } from './inbox/inbox';
import { NatsClient } from './nats-client';
import { OutboxParking } from './outbox/outbox-parking';
import { OutboxRelay } from './outbox/outbox-relay';
import { OutboxWriter } from './outbox/outbox-writer';
import { MessagingReadiness } from './messaging-readiness';
import { messagingMetrics, registerOutboxBacklog } from './metrics';
import { ensureStreams, type StreamSettings } from './provisioning';

export interface MessagingOptions {
  service: string;
  schema: string;
  servers: string[];
  streams?: StreamDefinition[];
  streamSettings?: StreamSettings;
  relay?: { batchSize?: number; pollIntervalMs?: number; autoStart?: boolean; maxAttempts?: number };
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private unregisterBacklog?: () => void;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly nats: NatsClient,
    private readonly relay: OutboxRelay,
    private readonly parking: OutboxParking,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    messagingMetrics(); // registered up front, so /metrics shows zeros rather than nothing
    this.unregisterBacklog = registerOutboxBacklog(this.options.service, () => this.parking.backlog());
    await this.nats.connection();
    await ensureStreams(await this.nats.manager(), this.options.streams ?? ALL_STREAMS, this.options.streamSettings);
    if (this.options.relay?.autoStart !== false) this.relay.start();
  }

  /** Runs after the transport stopped its consumers, so their last outbox rows are published too. */
  async onApplicationShutdown(): Promise<void> {
    this.unregisterBacklog?.();
    await this.relay.stop();
    await this.relay.flush().catch(() => undefined);
    await this.nats.close();
  }
}

/** NATS connection, inbox, outbox writer and relay of one service. */
@Global()
@Module({})
export class MessagingModule {
  static forService(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: NatsClient, useFactory: () => new NatsClient({ servers: options.servers, name: options.service }) },
        { provide: Inbox, useFactory: (scope: TransactionScope) => new Inbox(scope, options.schema), inject: [TransactionScope] },
        {
          provide: OutboxRelay,
          useFactory: (ds: DataSource, nats: NatsClient) =>
            new OutboxRelay(ds, () => nats.jetstream(), { schema: options.schema, service: options.service, ...options.relay }),
          inject: [DataSource, NatsClient],
        },
        {
          provide: OutboxParking,
          useFactory: (ds: DataSource, relay: OutboxRelay) => new OutboxParking(ds, options.schema, relay.maxAttempts, () => relay.kick()),
          inject: [DataSource, OutboxRelay],
        },
        {
          provide: OutboxWriter,
          useFactory: (scope: TransactionScope, relay: OutboxRelay) => new OutboxWriter(scope, options.schema, () => relay.kick()),
          inject: [TransactionScope, OutboxRelay],
        },
        MessagingLifecycle,
        MessagingReadiness,
      ],
      exports: [MESSAGING_OPTIONS, NatsClient, Inbox, OutboxRelay, OutboxWriter, OutboxParking, MessagingReadiness],
    };
  }
}
