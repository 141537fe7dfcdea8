import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import type { StreamDefinition } from '@app/contracts';
import { ConsumerRunner } from './consumer-runner';
import type { Inbox } from './inbox/inbox';
import type { JetStreamContext } from './jetstream.context';
import type { NatsClient } from './nats-client';
import { durableName, ensureDurableConsumer, ensureStreams, streamFor, type StreamSettings } from './provisioning';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

/** Per-handler settings: `@EventPattern('x', { maxDeliver: 3, concurrency: 1 })`. */
export interface JetStreamHandlerExtras {
  durable?: string;
  maxDeliver?: number;
  backoffMs?: number[];
  concurrency?: number;
  /** 1 for a handler whose effects leave the database (it must not share a transaction). */
  maxBatch?: number;
  /**
   * The handler takes an array: the new payloads of a batch (up to `maxBatch`), handled with set-based statements in
   * the batch's one transaction. A failed batch is retried message by message (`[payload]`), so one bad fact never
   * blocks or dead-letters its neighbours.
   */
  batch?: boolean;
}

export interface JetStreamServerOptions {
  service: string;
  nats: NatsClient;
  inbox: Inbox;
  streams: StreamDefinition[];
  streamSettings?: StreamSettings;
  retry?: Partial<RetryPolicy>;
  concurrency?: number;
  prefetch?: number;
  maxBatch?: number;
  ackWaitMs?: number;
}

/**
 * Nest transport on durable explicit-ack JetStream pull consumers: one consumer per
 * `@EventPattern`, named after the service, shared by all instances of it.
 */
export class JetStreamServer extends Server implements CustomTransportStrategy {
  override readonly transportId = Symbol('JETSTREAM');
  protected override readonly logger = new Logger(JetStreamServer.name);
  private readonly runners: ConsumerRunner[] = [];
  private ready = false;

  constructor(private readonly options: JetStreamServerOptions) {
    super();
  }

  async listen(callback: (err?: unknown) => void): Promise<void> {
    try {
      await this.start();
      callback();
    } catch (err) {
      callback(err);
    }
  }

  /** True once every stream and consumer is in place and consuming. */
  isReady(): boolean {
    return this.ready && this.options.nats.isConnected();
  }

  /** The subjects (or patterns) this service's @EventPattern handlers consume, for its AsyncAPI document. */
  consumedSubjects(): string[] {
    return [...this.getHandlers()].filter(([, h]) => h.isEventHandler).map(([pattern]) => pattern);
  }

  async close(): Promise<void> {
    this.ready = false;
    await Promise.all(this.runners.map((r) => r.stop()));
    this.runners.length = 0;
  }

  on(): void {
    // Connection events are logged by NatsClient.
  }

  unwrap<T>(): T {
    return this.options.nats as T;
  }

  private async start(): Promise<void> {
    const { nats, service, streams } = this.options;
    await nats.connection();
    const jsm = await nats.manager();
    await ensureStreams(jsm, streams, this.options.streamSettings);
    const js = nats.jetstream();
    for (const [pattern, handler] of this.messageHandlers) {
      if (!handler.isEventHandler) {
        this.logger.warn(`@MessagePattern('${pattern}') ignored: facts travel as events on JetStream`);
        continue;
      }
      const stream = streamFor(pattern, streams);
      if (!stream) throw new Error(`no stream holds subject '${pattern}' (declared: ${streams.map((s) => s.name).join(', ')})`);
      const extras = (handler.extras ?? {}) as JetStreamHandlerExtras;
      const durable = extras.durable ?? durableName(service, pattern);
      await ensureDurableConsumer(jsm, { stream: stream.name, durable, filterSubject: pattern, ackWaitMs: this.options.ackWaitMs ?? 30_000 });
      const consumer = await js.consumers.get(stream.name, durable);
      const retry: RetryPolicy = {
        maxDeliver: extras.maxDeliver ?? this.options.retry?.maxDeliver ?? DEFAULT_RETRY_POLICY.maxDeliver,
        backoffMs: extras.backoffMs ?? this.options.retry?.backoffMs ?? DEFAULT_RETRY_POLICY.backoffMs,
      };
      const invoke = async (data: unknown, ctx: JetStreamContext) => {
        const result = await handler(data, ctx);
        await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
      };
      const runner = new ConsumerRunner(js, consumer, invoke, this.options.inbox, {
        service,
        durable,
        retry,
        concurrency: extras.concurrency ?? this.options.concurrency ?? 4,
        prefetch: this.options.prefetch ?? 128,
        maxBatch: extras.maxBatch ?? this.options.maxBatch ?? 32,
        batchHandler: extras.batch === true,
      });
      runner.start();
      this.runners.push(runner);
      this.logger.log(`consuming ${pattern} from ${stream.name} as ${durable}`);
    }
    this.ready = true;
  }
}
