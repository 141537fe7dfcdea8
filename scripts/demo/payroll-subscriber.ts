import { connect, type NatsConnection } from '@nats-io/transport-node';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { ScoreEvent } from '@app/contracts';

/** A stand-in for payroll: reads `scoring.score.>` from the SCORING stream, as payroll would subscribe. */
export class DemoPayroll {
  readonly events: ScoreEvent[] = [];
  private constructor(private readonly nc: NatsConnection) {}

  static async start(url: string, period: string): Promise<DemoPayroll> {
    const nc = await connect({ servers: url.split(',') });
    const p = new DemoPayroll(nc);
    const jsm = await jetstreamManager(nc);
    const ci = await jsm.consumers.add('SCORING', { filter_subject: 'scoring.score.>', ack_policy: AckPolicy.None, deliver_policy: DeliverPolicy.All, inactive_threshold: 60_000_000_000 });
    const consumer = await jetstream(nc).consumers.get('SCORING', ci.name);
    void (async () => {
      for await (const m of await consumer.consume()) {
        const e = m.json<ScoreEvent>();
        // At least once on the wire: a redelivered event is the same eventId, counted once.
        if (e.period === period && !p.events.some((x) => x.eventId === e.eventId)) p.events.push(e);
      }
    })().catch(() => undefined);
    return p;
  }

  async waitFor(count: number, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.events.length < count) {
      if (Date.now() > deadline) throw new Error(`payroll received ${this.events.length} of ${count} score events`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  close(): Promise<void> {
    return this.nc.close();
  }
}
