import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';

const STREAM = 'BENCH_PLAIN_ALERTS';
const SUBJECT = 'benchplain.alerts';

/**
 * The baseline: a plain JetStream publish → durable pull consumer → HTTP POST of the message body
 * to the same receiver → ack. No database, no routing, no signature, no outbox.
 */
export async function startPlainPipeline(nc: NatsConnection, receiverUrl: string) {
  const jsm = await jetstreamManager(nc);
  await jsm.streams.add({ name: STREAM, subjects: [SUBJECT] });
  await jsm.consumers.add(STREAM, { durable_name: 'plain', ack_policy: AckPolicy.Explicit });
  const js = jetstream(nc);
  const consumer = await js.consumers.get(STREAM, 'plain');
  const messages = await consumer.consume({ max_messages: 128 });
  void (async () => {
    for await (const m of messages) {
      void fetch(`${receiverUrl}/plain`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: m.data }).then(
        async (res) => {
          await res.arrayBuffer();
          m.ack();
        },
        () => m.nak(),
      );
    }
  })();
  return {
    publish: (callId: string) => js.publish(SUBJECT, JSON.stringify({ alertId: `plain:${callId}`, kind: 'call.ring-limit-exceeded', facts: { callId } })),
    stop: () => messages.stop(),
  };
}
