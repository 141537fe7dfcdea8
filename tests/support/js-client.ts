import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamManager, type StoredMsg } from '@nats-io/jetstream';

/** A test's own view of the broker: publish like a foreign producer, read streams directly. */
export class JsTestClient {
  private constructor(
    readonly nc: NatsConnection,
    readonly jsm: JetStreamManager,
  ) {}

  static async connect(url: string): Promise<JsTestClient> {
    const nc = await connect({ servers: url, maxReconnectAttempts: -1, reconnectTimeWait: 200 });
    return new JsTestClient(nc, await jetstreamManager(nc));
  }

  async publish(subject: string, payload: unknown, msgId?: string): Promise<number> {
    const h = headers();
    const ack = await jetstream(this.nc).publish(subject, JSON.stringify(payload), msgId ? { msgID: msgId, headers: h } : undefined);
    return ack.seq;
  }

  async messageCount(stream: string, subject?: string): Promise<number> {
    const info = await this.jsm.streams.info(stream, subject ? { subjects_filter: subject } : undefined);
    if (!subject) return info.state.messages;
    const subjects = (info.state.subjects ?? {}) as Record<string, number>;
    return subjects[subject] ?? 0;
  }

  async last(stream: string, subject: string): Promise<StoredMsg | null> {
    return this.jsm.streams.getMessage(stream, { last_by_subj: subject });
  }

  close(): Promise<void> {
    return this.nc.close();
  }
}
