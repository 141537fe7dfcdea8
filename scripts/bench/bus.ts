/**
 * npm run bench:bus [-- N [ROUNDS]]
 * Pushes N events through the product's path — business rows and outbox rows in one transaction
 * (HTTP, 100 per request) → relay → JetStream → durable consumer → inbox + effect in one
 * transaction → ack — and, in the same run, the same N through a plain hand-written loop
 * (publish → pull consume → the same effect insert → ack). The service runs as its own built
 * process, as in production, so its peak RSS is its own. Targets: ratio ≥ 0.7, RSS < 200 MB.
 */
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { connect } from '@nats-io/transport-node';
import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { mintToken } from '@app/auth';
import { freePort, startPrivateNatsServer } from '@app/messaging/testing/nats-server';
import { createTestDatabase } from '@app/persistence/testing/test-database';
import { fmt, median, rssMb } from './bench-util';
import { build, root, startNode, stop, waitReady } from './processes';

const N = Number(process.argv[2] ?? 10_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const CONCURRENCY = 4;
const BATCH = 100;
const SECRET = 'bench-secret-0123456789';
/** As deploy/Dockerfile runs the services: a heap cap makes V8 collect before RSS balloons. */
const SERVICE_NODE_FLAGS = '--max-old-space-size=128';

async function waitForCount(db: Client, prefix: string, n: number): Promise<void> {
  for (;;) {
    const r = await db.query(`SELECT count(*)::int AS n FROM probe.effect WHERE key LIKE $1`, [`${prefix}%`]);
    if (r.rows[0].n >= n) return;
    await new Promise((res) => setTimeout(res, 20));
  }
}

async function main(): Promise<void> {
  process.stdout.write('building the probe service…\n');
  await build('probe');
  const [dbh, nats] = await Promise.all([createTestDatabase('cc_bench'), startPrivateNatsServer()]);
  const port = await freePort();
  const service = startNode([...(process.env.BENCH_NODE_FLAGS ?? SERVICE_NODE_FLAGS).split(' ').filter(Boolean), join(root, 'dist/tests/fixtures/probe/probe.main.js')], {
    DATABASE_URL: dbh.url, NATS_URL: nats.url, AUTH_JWT_SECRET: SECRET, PORT: String(port), LOG_LEVEL: 'error',
  });

  const db = new Client({ connectionString: dbh.url });
  const pool = new Pool({ connectionString: dbh.url, max: 10 });
  const nc = await connect({ servers: nats.url });
  try {
    await waitReady(port, '/health/ready');
    await db.connect();
    const url = `http://127.0.0.1:${port}/probe/rows/bulk`;
    const auth = `Bearer ${mintToken(SECRET, { sub: 'bench', roles: ['supervisor'] })}`;

    // The plain loop: its own consumer on the same stream, the same effect insert, same concurrency.
    const js = jetstream(nc);
    const jsm = await jetstreamManager(nc);
    await jsm.consumers.add('QA', { durable_name: 'plain', ack_policy: AckPolicy.Explicit, filter_subject: 'qa.plain.>' });
    const plainMessages = await (await js.consumers.get('QA', 'plain')).consume({ max_messages: 128 });
    let inFlight = 0;
    const waiters: Array<() => void> = [];
    void (async () => {
      for await (const m of plainMessages) {
        if (inFlight >= CONCURRENCY) await new Promise<void>((r) => waiters.push(r));
        inFlight++;
        void (async () => {
          const { key } = m.json<{ key: string }>();
          await pool.query(`INSERT INTO probe.effect (key, instance, delivery) VALUES ($1, 'plain', $2)`, [key, m.info.deliveryCount]);
          m.ack();
          inFlight--;
          waiters.shift()?.();
        })();
      }
    })();

    const transportRates: number[] = [];
    const plainRates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const t0 = performance.now();
      for (let i = 0; i < N; i += BATCH) {
        const keys = Array.from({ length: Math.min(BATCH, N - i) }, (_, j) => `t${round}-${i + j}`);
        const res = await fetch(url, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify({ keys }) });
        if (res.status !== 201) throw new Error(`bulk insert answered ${res.status}: ${await res.text()}`);
      }
      await waitForCount(db, `t${round}-`, N);
      transportRates.push(N / ((performance.now() - t0) / 1000));

      const p0 = performance.now();
      for (let i = 0; i < N; i += BATCH) {
        await Promise.all(
          Array.from({ length: Math.min(BATCH, N - i) }, (_, j) =>
            js.publish('qa.plain.ping', JSON.stringify({ key: `p${round}-${i + j}` }), { msgID: `p${round}-${i + j}` }),
          ),
        );
      }
      await waitForCount(db, `p${round}-`, N);
      plainRates.push(N / ((performance.now() - p0) / 1000));
      process.stdout.write(`round ${round + 1}: transport ${fmt(transportRates[round])} ev/s, plain ${fmt(plainRates[round])} ev/s\n`);
    }
    const dupes = await db.query(`SELECT count(*)::int AS n FROM (SELECT key FROM probe.effect GROUP BY key HAVING count(*) > 1) d`);
    const rss = rssMb(service.proc.pid!);
    const t = median(transportRates);
    const p = median(plainRates);
    process.stdout.write(
      [
        `bench:bus  N=${N} per round, ${ROUNDS} rounds, 2-core machine (medians)`,
        `  transport path (tx: row + outbox → relay → JetStream → consumer: inbox + effect → PostgreSQL): ${fmt(t)} events/s`,
        `  plain loop (publish → pull consume → the same insert → ack):                                 ${fmt(p)} events/s`,
        `  ratio transport / plain: ${fmt(t / p, 2)}   (target ≥ 0.70)`,
        `  effects applied twice: ${dupes.rows[0].n}`,
        `  service process RSS: now ${fmt(rss.now)} MB, peak ${fmt(rss.peak)} MB   (target < 200 MB)`,
      ].join('\n') + '\n',
    );
    plainMessages.stop();
  } finally {
    await stop(service);
    await nc.close();
    await pool.end();
    await db.end().catch(() => undefined);
    await dbh.drop();
    await nats.dispose();
  }
}

void main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
