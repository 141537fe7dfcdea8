/**
 * npm run bench:alerts [-- SECONDS [BREACH_EVERY]]
 * telephony-events and notification as built processes on a private NATS and a throw-away database.
 * Live call traffic at 1,000 events per second (25 calls per 100 ms tick, every BREACH_EVERY-th
 * call rang past three rings) is POSTed to telephony-events; a webhook subscribed to
 * `call.ring-limit-exceeded` runs in this process. Latency: from the POST carrying the proving event
 * to the receiver holding the alert (telephony facts → outbox → ALERTS → notification inbox/routing →
 * delivery row → worker → signed POST). Beside it, the same number of alerts through a plain
 * JetStream publish → consume → HTTP POST. Target: p99 < 500 ms; the ratio is printed.
 */
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { Client } from 'pg';
import { mintToken } from '@app/auth';
import { freePort, startPrivateNatsServer } from '@app/messaging/testing/nats-server';
import { createTestDatabase } from '@app/persistence/testing/test-database';
import { fmt, percentile, rssMb } from './bench-util';
import { callTick } from './alerts/calls';
import { startPlainPipeline } from './alerts/plain';
import { AlertReceiver } from './alerts/receiver';
import { build, root, startNode, stop, waitReady } from './processes';

const SECONDS = Number(process.argv[2] ?? 30);
const BREACH_EVERY = Number(process.argv[3] ?? 5);
const TICK_MS = 100;
const CALLS_PER_TICK = 25; // × 4 events = 1,000 events per second
const SECRET = 'bench-secret-0123456789';
const HOOK_SECRET = 'bench-webhook-secret-0123456789';
const SERVICE_NODE_FLAGS = '--max-old-space-size=128';
const ms = (x: number) => `${fmt(x, 1)} ms`;

async function main(): Promise<void> {
  process.stdout.write('building telephony-events and notification…\n');
  await build('telephony-events');
  await build('notification');
  const [dbh, nats] = await Promise.all([createTestDatabase('cc_bench'), startPrivateNatsServer()]);
  const [telPort, notPort] = [await freePort(), await freePort()];
  const env = { DATABASE_URL: dbh.url, NATS_URL: nats.url, AUTH_JWT_SECRET: SECRET, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error' };
  const flags = (process.env.BENCH_NODE_FLAGS ?? SERVICE_NODE_FLAGS).split(' ').filter(Boolean);
  const telephony = startNode([...flags, join(root, 'dist/apps/telephony-events/main.js')], { ...env, PORT: String(telPort) });
  // The receiver listens on this host: the one internal network notification may reach here.
  const notification = startNode([...flags, join(root, 'dist/apps/notification/main.js')], { ...env, PORT: String(notPort), WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8' });
  const receiver = new AlertReceiver(HOOK_SECRET);
  const receiverUrl = await receiver.start();
  const nc = await connect({ servers: nats.url });
  try {
    await Promise.all([waitReady(telPort, '/health/ready'), waitReady(notPort, '/health/ready')]);
    const admin = `Bearer ${mintToken(SECRET, { sub: 'bench', roles: ['admin'] })}`;
    const hook = await fetch(`http://127.0.0.1:${notPort}/v1/webhooks`, {
      method: 'POST', headers: { authorization: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ webhookId: 'bench', url: `${receiverUrl}/hook`, secret: HOOK_SECRET, kinds: ['call.ring-limit-exceeded'] }),
    });
    if (hook.status !== 201) throw new Error(`webhook registration answered ${hook.status}: ${await hook.text()}`);
    await new Promise((r) => setTimeout(r, 1_200)); // the routing cache sees the endpoint

    // Where the time goes: when each alert appeared on the ALERTS stream (a core subscription sees it as it is stored).
    const onStream = new Map<string, number>();
    nc.subscribe('alerts.call.ring-limit-exceeded', {
      callback: (err, m) => {
        const callId = err ? undefined : m.json<{ facts?: { callId?: string } }>().facts?.callId;
        if (callId && !onStream.has(callId)) onStream.set(callId, performance.now());
      },
    });

    // The service: paced POSTs, each call's proving POST time kept.
    const auth = `Bearer ${mintToken(SECRET, { sub: 'bench', roles: ['telephony'] })}`;
    const provenAt = new Map<string, number>();
    const posts: Array<Promise<void>> = [];
    const ticks = Math.round((SECONDS * 1000) / TICK_MS);
    const t0 = performance.now();
    let events = 0;
    for (let i = 0; i < ticks; i++) {
      const wait = t0 + i * TICK_MS - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const tick = callTick(i, CALLS_PER_TICK, BREACH_EVERY, 's');
      events += tick.events.length;
      const sent = performance.now();
      for (const c of tick.breaches) provenAt.set(c, sent);
      posts.push(
        fetch(`http://127.0.0.1:${telPort}/v1/call-events`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify(tick.events) }).then(async (res) => {
          const text = await res.text();
          if (res.status !== 202) throw new Error(`POST answered ${res.status}: ${text.slice(0, 300)}`);
        }),
      );
    }
    await Promise.all(posts);
    const postRate = events / ((performance.now() - t0) / 1000);
    await receiver.waitFor([...provenAt.keys()]);
    await new Promise((r) => setTimeout(r, 1_000)); // any repeat would come now
    const service = [...provenAt].map(([c, at]) => receiver.arrivals.get(c)! - at);
    const toStream = [...provenAt].filter(([c]) => onStream.has(c)).map(([c, at]) => onStream.get(c)! - at);
    const fromStream = [...provenAt].filter(([c]) => onStream.has(c)).map(([c]) => receiver.arrivals.get(c)! - onStream.get(c)!);
    const serviceRepeats = receiver.repeats;
    const badSignatures = receiver.badSignatures;
    const db = new Client({ connectionString: dbh.url });
    await db.connect();
    const inside = (
      await db.query(
        `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY post) AS post50
         FROM (SELECT extract(epoch FROM d.delivered_at - a.received_at) * 1000 AS ms, x.latency_ms AS post
               FROM notification.delivery d JOIN notification.alert_received a USING (alert_id)
               JOIN notification.delivery_attempt x ON x.delivery_id = d.delivery_id AND x.outcome = 'delivered'
               WHERE d.channel = 'webhook') t`,
      )
    ).rows[0];
    await db.end();
    const rss = { telephony: rssMb(telephony.proc.pid!), notification: rssMb(notification.proc.pid!) };

    // The baseline, at the same alert rate.
    receiver.reset();
    const plain = await startPlainPipeline(nc, receiverUrl);
    const published = new Map<string, number>();
    const perTick = Math.ceil(CALLS_PER_TICK / BREACH_EVERY);
    const p0 = performance.now();
    const pubs: Array<Promise<unknown>> = [];
    for (let i = 0; i < ticks; i++) {
      const wait = p0 + i * TICK_MS - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      for (let j = 0; j < perTick; j++) {
        const callId = `p-${i}-${j}`;
        published.set(callId, performance.now());
        pubs.push(plain.publish(callId));
      }
    }
    await Promise.all(pubs);
    await receiver.waitFor([...published.keys()]);
    const baseline = [...published].map(([c, at]) => receiver.arrivals.get(c)! - at);
    plain.stop();

    const p = (xs: number[], q: number) => percentile(xs, q);
    process.stdout.write(
      [
        `bench:alerts  ${SECONDS} s of live call traffic at ${fmt(postRate)} events/s POSTed (${CALLS_PER_TICK} calls per ${TICK_MS} ms, 1 in ${BREACH_EVERY} ringing past three rings), 2-core machine`,
        `  alerts: ${fmt(service.length)} ring-limit breaches → ${fmt(service.length)} webhook deliveries (${serviceRepeats} repeats, ${badSignatures} bad signatures)`,
        `  service  POST of the proving event → webhook receiver holds the alert:   p50 ${ms(p(service, 50))}, p99 ${ms(p(service, 99))}, max ${ms(Math.max(...service))}   (target p99 < 500 ms)`,
        `    of which POST → alert on the ALERTS stream (telephony-events): p50 ${ms(p(toStream, 50))}, p99 ${ms(p(toStream, 99))}; stream → receiver (notification): p50 ${ms(p(fromStream, 50))}, p99 ${ms(p(fromStream, 99))}`,
        `    inside notification, alert stored → webhook answered: p50 ${ms(Number(inside.p50))}, p99 ${ms(Number(inside.p99))}; the POST itself p50 ${ms(Number(inside.post50))}`,
        `  baseline JetStream publish → pull consumer → HTTP POST, same alert rate:  p50 ${ms(p(baseline, 50))}, p99 ${ms(p(baseline, 99))}`,
        `  ratio service / baseline: p50 ${fmt(p(service, 50) / p(baseline, 50), 1)}×, p99 ${fmt(p(service, 99) / p(baseline, 99), 1)}×`,
        `  peak RSS: telephony-events ${fmt(rss.telephony.peak)} MB, notification ${fmt(rss.notification.peak)} MB`,
      ].join('\n') + '\n',
    );
  } finally {
    await Promise.all([stop(telephony), stop(notification)]);
    await receiver.close();
    await nc.close();
    await dbh.drop();
    await nats.dispose();
  }
}

void main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
