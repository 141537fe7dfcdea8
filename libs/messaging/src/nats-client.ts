import { Logger } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { describeError } from './errors';

export interface NatsClientOptions {
  servers: string | string[];
  name: string;
}

/**
 * The service's one NATS connection, shared by the transport and the outbox relay. It reconnects
 * for ever: while NATS is away the relay keeps rows in the outbox and consumers simply wait.
 */
export class NatsClient {
  private readonly logger = new Logger(NatsClient.name);
  private nc?: NatsConnection;
  private connecting?: Promise<NatsConnection>;

  constructor(private readonly options: NatsClientOptions) {}

  connection(): Promise<NatsConnection> {
    this.connecting ??= this.open();
    return this.connecting;
  }

  /** The JetStream client; only valid after `connection()` resolved. */
  jetstream(): JetStreamClient {
    if (!this.nc) throw new Error('NATS is not connected yet');
    return jetstream(this.nc);
  }

  async manager(): Promise<JetStreamManager> {
    return jetstreamManager(await this.connection());
  }

  isConnected(): boolean {
    return !!this.nc && !this.nc.isClosed() && !this.nc.isDraining();
  }

  async close(): Promise<void> {
    const nc = this.nc;
    if (!nc || nc.isClosed()) return;
    try {
      await nc.drain();
    } catch (err) {
      this.logger.warn(`NATS drain: ${describeError(err)}`);
      await nc.close().catch(() => undefined);
    }
  }

  private async open(): Promise<NatsConnection> {
    const nc = await connect({
      servers: this.options.servers,
      name: this.options.name,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      waitOnFirstConnect: true,
    });
    this.nc = nc;
    void (async () => {
      for await (const s of nc.status()) {
        if (s.type === 'disconnect' || s.type === 'reconnect') this.logger.warn(`NATS ${s.type}`);
      }
    })().catch(() => undefined);
    return nc;
  }
}
