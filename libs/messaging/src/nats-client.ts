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
  /** Follows the connection's status events: false from a disconnect until the reconnect. */
  private linkUp = false;

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

  /**
   * Connected now, as far as the client knows: a closed socket flips it at once (the library
   * keeps reconnecting silently, so closed/draining alone stays true through an outage).
   */
  isConnected(): boolean {
    return !!this.nc && this.linkUp && !this.nc.isClosed() && !this.nc.isDraining();
  }

  /**
   * A round trip to the server within `timeoutMs`: catches a server that stopped answering
   * without closing the socket, which the status events only notice after minutes of pings.
   */
  async isResponsive(timeoutMs: number): Promise<boolean> {
    const nc = this.nc;
    if (!nc || !this.isConnected()) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      return await Promise.race([nc.flush().then(() => true, () => false), timeout]);
    } finally {
      clearTimeout(timer);
    }
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
      // Otherwise every publish and request builds Error objects with stack traces up front, for the
      // context of a timeout that almost never comes: 15 % of attendance's CPU while it published a
      // month's close (its profile in apps/attendance/README.md). A timeout still says what timed out.
      noAsyncTraces: true,
    });
    this.nc = nc;
    this.linkUp = true;
    void (async () => {
      for await (const s of nc.status()) {
        if (s.type === 'disconnect' || s.type === 'close' || s.type === 'staleConnection') this.linkUp = false;
        if (s.type === 'reconnect') this.linkUp = true;
        if (s.type === 'disconnect' || s.type === 'reconnect') this.logger.warn(`NATS ${s.type}`);
      }
    })().catch(() => undefined);
    return nc;
  }
}
