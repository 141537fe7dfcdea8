/**
 * npm run bench:ingest [-- N [ROUNDS]]   (defaults 100,000 and 10: issue 20 asks for the rate flat over ten rounds)
 * Posts N canonical call events (a day of ~N/8 realistic calls, in time order, 5,000 per request,
 * 3 requests in flight) to the built telephony-events service, running as its own process, and
 * measures until every call has its facts stored (call_facts, nothing left in call_dirty) and
 * published (`telephony.call.summarized`, seen on the private NATS). Then the same load through a
 * hand-written baseline (node:http → JetStream → pull consumer → plain table), and the latency
 * POST answer → published fact with the service fed at half its measured rate.
 * Targets: ≥ 8,000 events/s, ratio ≥ 0.8, p99 < 1 s at half peak, RSS < 250 MB.
 * It also reports what it finds wrong: 5xx answers (retried, as a telephony system would) and
 * calls whose stored facts miss some of their events once nothing is left to derive.
 * Then the statistics: a month of BENCH_MONTH_LEGS (default 3,000,000) agent legs is seeded, and
 * GET /v1/agents/stats and /v1/queues/stats (the month) and /v1/queues/live are timed (p50, p99)
 * while ingest runs at half the peak rate. Targets: agents/stats p99 < 2 s; /health/live answers.
 * Env: BENCH_NODE_FLAGS (service node flags, e.g. add --cpu-prof), BENCH_LOG_LEVEL (service log level),
 * BENCH_MONTH_LEGS (0 skips the statistics part), BENCH_SERVICE_STDERR (a file the service's stderr is written to at the end).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { connect } from '@nats-io/transport-node';
import { mintToken } from '@app/auth';
import { freePort, startPrivateNatsServer } from '@app/messaging/testing/nats-server';
import { createTestDatabase } from '@app/persistence/testing/test-database';
import { fmt, median, percentile, rssMb } from './bench-util';
import { chunk, generateCallDay, type CallDay } from './ingest/calls';
import { callReadyAt, pollUntil, postBodies, PublishedFacts, type PostRun } from './ingest/measure';
import { p50p99, pendingQueueHours, readLatencies, rollupBuilt, seedMonth } from './ingest/month';
import { build, cpuSeconds, root, startNode, stop, waitReady, type NodeChild } from './processes';

const N = Number(process.argv[2] ?? 100_000);
const ROUNDS = Number(process.argv[3] ?? 10);
const N_PACED = Math.round(N / 2);
const BATCH = 5_000;
const CONCURRENCY = 3;
/** At half rate a live feed posts what is due every 100 ms. */
const PACED_TICK_MS = 100;
const SECRET = 'bench-secret-0123456789';
/** As deploy/Dockerfile runs the services. */
const SERVICE_NODE_FLAGS = '--max-old-space-size=128';
const MONTH_LEGS = Number(process.env.BENCH_MONTH_LEGS ?? 3_000_000);
/** How long the read endpoints are timed while ingest runs. */
const STATS_SECONDS = 60;

const rate = (n: number, from: number, to: number) => n / ((to - from) / 1000);
const ms = (x: number) => `${fmt(x)} ms`;

/** Per call: published-fact arrival minus the answer of the last POST that carried one of its events. */
function latencies(day: CallDay, batch: number, run: PostRun, published: Map<string, number>): number[] {
  const ready = callReadyAt(day.events, batch, run);
  return [...published].map(([callId, at]) => at - ready.get(callId)!);
}

/**
 * Polls (after every POST was answered) until each call of the round has a facts row and no call
 * is left in call_dirty; returns that moment and the calls whose facts still miss stored events.
 */
async function settle(db: Client, prefix: string, calls: number): Promise<{ at: number; lost: string[] }> {
  const at = await pollUntil(db, async (c) => {
    const q = await c.query(
      `SELECT (SELECT count(*)::int FROM telephony.call_facts WHERE call_id LIKE $1) AS facts,
              EXISTS (SELECT 1 FROM telephony.call_dirty) AS dirty`,
      [`${prefix}-%`],
    );
    return (q.rows[0].facts === calls && !q.rows[0].dirty) || `${q.rows[0].facts}/${calls} call facts, dirty: ${q.rows[0].dirty}`;
  });
  const lost = await db.query(
    `SELECT f.call_id FROM telephony.call_facts f
     WHERE f.call_id LIKE $1 AND (SELECT count(*) FROM telephony.call_event e WHERE e.call_id = f.call_id) > jsonb_array_length(f.facts->'sourceEventIds')`,
    [`${prefix}-%`],
  );
  return { at, lost: lost.rows.map((r) => r.call_id) };
}

interface Bench {
  db: Client;
  facts: PublishedFacts;
  service: NodeChild;
  plain: NodeChild;
  serviceUrl: string;
  plainUrl: string;
  auth: string;
}

const bodiesOf = (day: CallDay, size: number) => chunk(day.events, size).map((b) => JSON.stringify(b));

/** The service at full speed: sustained rates, latency under saturation, CPU use, lost calls. */
async function fullSpeed(b: Bench, round: number) {
  const day = generateCallDay(N, `r${round}`, 100 + round);
  const n = day.events.length;
  const bodies = bodiesOf(day, BATCH);
  b.facts.expect(day.perCall);
  const cpu0 = cpuSeconds(b.service.proc.pid!);
  const run = await postBodies(b.serviceUrl, b.auth, bodies, CONCURRENCY);
  if (run.accepted !== n) throw new Error(`service accepted ${run.accepted} of ${n} (rejected ${run.rejected})`);
  const { at: storedAt, lost } = await settle(b.db, `r${round}`, day.perCall.size);
  const cpu = (cpuSeconds(b.service.proc.pid!) - cpu0) / ((storedAt - run.firstAt) / 1000);
  b.facts.forget(lost);
  const published = await b.facts.all();
  const sat = latencies(day, BATCH, run, published);
  return {
    n, calls: day.perCall.size, lost: lost.length, retried: run.retried, cpu,
    stored: rate(n, run.firstAt, storedAt),
    published: rate(n, run.firstAt, Math.max(...published.values())),
    accept: rate(n, run.firstAt, run.lastAnsweredAt),
    p50: percentile(sat, 50),
    p99: percentile(sat, 99),
  };
}

/** The hand-written baseline: the same shape of load with fresh ids, into an emptied table. */
async function baseline(b: Bench, round: number) {
  await b.db.query(`TRUNCATE plain.call_event`);
  const day = generateCallDay(N, `p${round}`, 100 + round);
  const n = day.events.length;
  const cpu0 = cpuSeconds(b.plain.proc.pid!);
  const run = await postBodies(b.plainUrl, '', bodiesOf(day, BATCH), CONCURRENCY);
  if (run.accepted !== n) throw new Error(`baseline accepted ${run.accepted} of ${n}`);
  const doneAt = await pollUntil(b.db, async (c) => {
    const rows: number = (await c.query(`SELECT count(*)::int AS n FROM plain.call_event`)).rows[0].n;
    return rows >= n || `${rows}/${n} rows`;
  });
  const cpu = (cpuSeconds(b.plain.proc.pid!) - cpu0) / ((doneAt - run.firstAt) / 1000);
  return { stored: rate(n, run.firstAt, doneAt), accept: rate(n, run.firstAt, run.lastAnsweredAt), cpu };
}

/** The service fed like a live feed at `evPerS`: what is due every PACED_TICK_MS, in one POST. */
async function paced(b: Bench, round: number, evPerS: number, events = N_PACED) {
  const day = generateCallDay(events, `h${round}`, 200 + round);
  const per = Math.max(1, Math.round((evPerS * PACED_TICK_MS) / 1000));
  b.facts.expect(day.perCall);
  const run = await postBodies(b.serviceUrl, b.auth, bodiesOf(day, per), CONCURRENCY, (i) => i * PACED_TICK_MS);
  const { lost } = await settle(b.db, `h${round}`, day.perCall.size);
  b.facts.forget(lost);
  const l = latencies(day, per, run, await b.facts.all());
  return { per, rate: rate(day.events.length, run.firstAt, run.lastAnsweredAt), p50: percentile(l, 50), p99: percentile(l, 99), lost: lost.length, retried: run.retried };
}

/** Read endpoints over a seeded month while a paced ingest runs at `evPerS`. */
async function statistics(b: Bench, port: number, evPerS: number) {
  const t0 = performance.now();
  const seeded = await seedMonth(b.db, MONTH_LEGS);
  const seedS = (performance.now() - t0) / 1000;
  const seededAt = performance.now();
  const rollupS = ((await pollUntil(b.db, rollupBuilt)) - seededAt) / 1000;
  // An admin sees every agent, so the agents' page is full (100 agents). A supervisor leading no team, as this read
  // as until now, got an empty page: the same sums in SQL, none of the page's rows or JSON.
  const reader = `Bearer ${mintToken(SECRET, { sub: 'bench-admin', roles: ['admin'] })}`;
  const month = `from=${encodeURIComponent(new Date(Date.now() - 30 * 86_400_000).toISOString())}&to=${encodeURIComponent(new Date().toISOString())}`;
  const paths = [`/v1/agents/stats?${month}`, `/v1/queues/stats?${month}`, '/v1/queues/live', '/health/live'];
  const idle = await readLatencies(`http://127.0.0.1:${port}`, reader, paths, new Promise((r) => setTimeout(r, 15_000)));
  const recent = await b.db.query(`SELECT count(*)::int AS n FROM telephony.call_facts WHERE in_queue AND arrival_at > now() - interval '24 hours'`);
  const ingest = paced(b, 99, evPerS, Math.max(N_PACED, Math.round(evPerS * STATS_SECONDS)));
  const [latencies, pending] = await Promise.all([
    readLatencies(`http://127.0.0.1:${port}`, reader, paths, ingest),
    pendingQueueHours(b.db, ingest),
  ]);
  const h = await ingest;
  const lines = paths.map((p) => {
    const l = p50p99(latencies.get(p)!);
    const i = p50p99(idle.get(p)!);
    return `    GET ${p.split('?')[0].padEnd(18)} p50 ${ms(l.p50)}, p99 ${ms(l.p99)} (${l.n} requests); with no ingest: p50 ${ms(i.p50)}, p99 ${ms(i.p99)} (${i.n})`;
  });
  // A read takes the pending hours from the calls; the paced calls spread over the 24 hours before now (generateCallDay).
  lines.push(`    hours with queue changes not yet rolled up, sampled every 500 ms: median ${median(pending)}, max ${Math.max(...pending)}; in-queue calls in the last 24 h before the reads: ${fmt(recent.rows[0].n)}`);
  lines.push(`    meanwhile POST → fact published: p50 ${ms(h.p50)}, p99 ${ms(h.p99)}; calls whose facts miss events: ${h.lost}`);
  lines.push(`    service RSS peak after the statistics: ${fmt(rssMb(b.service.proc.pid!).peak)} MB`);
  return { seeded, seedS, rollupS, rate: h.rate, lines };
}

async function main(): Promise<void> {
  process.stdout.write('building telephony-events…\n');
  await build('telephony-events');
  const [dbh, nats] = await Promise.all([createTestDatabase('cc_bench'), startPrivateNatsServer()]);
  const [servicePort, plainPort] = [await freePort(), await freePort()];
  const env = { DATABASE_URL: dbh.url, NATS_URL: nats.url, AUTH_JWT_SECRET: SECRET, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error' };
  const flags = (process.env.BENCH_NODE_FLAGS ?? SERVICE_NODE_FLAGS).split(' ').filter(Boolean);
  const service = startNode([...flags, join(root, 'dist/apps/telephony-events/main.js')], { ...env, PORT: String(servicePort) });
  const plain = startNode(['-r', '@swc-node/register', join(__dirname, 'ingest/plain-server.ts')], { ...env, PORT: String(plainPort) });
  const db = new Client({ connectionString: dbh.url });
  const nc = await connect({ servers: nats.url });
  try {
    await Promise.all([waitReady(servicePort, '/health/ready'), waitReady(plainPort), db.connect()]);
    const b: Bench = {
      db, service, plain,
      facts: new PublishedFacts(nc, 'telephony.call.summarized'),
      serviceUrl: `http://127.0.0.1:${servicePort}/v1/call-events`,
      plainUrl: `http://127.0.0.1:${plainPort}/events`,
      auth: `Bearer ${mintToken(SECRET, { sub: 'bench', roles: ['telephony'] })}`,
    };
    const F: Array<Awaited<ReturnType<typeof fullSpeed>>> = [];
    const B: Array<Awaited<ReturnType<typeof baseline>>> = [];
    const H: Array<Awaited<ReturnType<typeof paced>>> = [];
    for (let round = 0; round < ROUNDS; round++) {
      const f = await fullSpeed(b, round);
      const p = await baseline(b, round);
      const h = await paced(b, round, f.stored / 2);
      F.push(f);
      B.push(p);
      H.push(h);
      process.stdout.write(
        `round ${round + 1}: ${fmt(f.n)} events / ${fmt(f.calls)} calls\n` +
          `  service  ${fmt(f.stored)} ev/s facts stored, ${fmt(f.published)} published, POSTs ${fmt(f.accept)} ev/s, CPU ${fmt(f.cpu * 100)}% of a core; saturated p50 ${ms(f.p50)}, p99 ${ms(f.p99)}\n` +
          `  baseline ${fmt(p.stored)} ev/s rows stored, POSTs ${fmt(p.accept)} ev/s, CPU ${fmt(p.cpu * 100)}% of a core\n` +
          `  paced    ${fmt(h.rate)} ev/s (${h.per}/POST every ${PACED_TICK_MS} ms): p50 ${ms(h.p50)}, p99 ${ms(h.p99)}\n` +
          `  calls whose facts miss events: ${f.lost} + ${h.lost} paced; POSTs retried after 5xx: ${f.retried} + ${h.retried} paced\n`,
      );
    }

    const left = await db.query(
      `SELECT (SELECT count(*)::int FROM telephony.call_dirty) AS dirty,
              (SELECT count(*)::int FROM telephony.outbox_message WHERE sent_at IS NULL) AS unsent,
              (SELECT count(*)::int FROM telephony.call_facts) AS facts,
              (SELECT count(*)::int FROM telephony.outbox_message WHERE subject LIKE 'alerts.%') AS alerts`,
    );
    const rss = rssMb(service.proc.pid!);
    const plainRss = rssMb(plain.proc.pid!);
    const med = <T>(xs: T[], key: (x: T) => number) => median(xs.map(key));
    const sum = <T>(xs: T[], key: (x: T) => number) => xs.reduce((a, x) => a + key(x), 0);
    const reads = MONTH_LEGS > 0 ? await statistics(b, servicePort, med(F, (f) => f.stored) / 2) : null;
    const s = med(F, (f) => f.stored);
    const p = med(B, (x) => x.stored);
    process.stdout.write(
      [
        `bench:ingest  N=${fmt(N)} per round (${fmt(BATCH)}/POST, ${CONCURRENCY} in flight), ${ROUNDS} rounds, ${fmt(N_PACED)} paced events per round, 2-core machine (medians)`,
        `  service sustained, first POST → every call's facts stored (call_facts rows, call_dirty empty): ${fmt(s)} events/s   (target ≥ 8,000)`,
        `  service sustained, first POST → every call's fact published (telephony.call.summarized):      ${fmt(med(F, (f) => f.published))} events/s`,
        `  service POST acceptance alone (202 = durable):                                               ${fmt(med(F, (f) => f.accept))} events/s`,
        `  baseline (node:http → JetStream msgID=eventId → pull consumer → bulk insert → ack):            ${fmt(p)} events/s (POSTs ${fmt(med(B, (x) => x.accept))})`,
        `  ratio service / baseline: ${fmt(s / p, 2)}   (target ≥ 0.80)`,
        `  flat over the rounds: last round / first ${fmt(F[F.length - 1].stored / F[0].stored, 2)} (target ≥ 0.9); per round, service / baseline: ${F.map((f, i) => fmt(f.stored / B[i].stored, 2)).join(' → ')}`,
        `  POST answered → fact published at half peak (${fmt(med(H, (h) => h.rate))} events/s): p50 ${ms(med(H, (h) => h.p50))}, p99 ${ms(med(H, (h) => h.p99))}   (target p99 < 1,000 ms)`,
        `  the same at full speed (saturated, 5,000-event POSTs):        p50 ${ms(med(F, (f) => f.p50))}, p99 ${ms(med(F, (f) => f.p99))}`,
        `  service process RSS: now ${fmt(rss.now)} MB, peak ${fmt(rss.peak)} MB   (target < 250 MB); baseline process peak ${fmt(plainRss.peak)} MB`,
        `  CPU during the full-speed runs: service ${fmt(med(F, (f) => f.cpu) * 100)}% of a core, baseline ${fmt(med(B, (x) => x.cpu) * 100)}%`,
        `  service POSTs answered 5xx and retried: ${sum(F, (f) => f.retried) + sum(H, (h) => h.retried)} (service log: ${service.stderr().split('deadlock detected').length - 1} × "deadlock detected")`,
        `  calls whose facts miss stored events once call_dirty is empty (never re-derived): ${sum(F, (f) => f.lost) + sum(H, (h) => h.lost)} of ${fmt(left.rows[0].facts)}`,
        `  at the end: ${left.rows[0].dirty} calls dirty, ${left.rows[0].unsent} outbox rows unsent, ${fmt(left.rows[0].alerts)} alerts raised`,
        ...(reads === null ? [] : [
          `  statistics over a month of ${fmt(reads.seeded.legs)} legs / ${fmt(reads.seeded.calls)} calls (seeded in ${fmt(reads.seedS)} s, daily agent rollup built ${fmt(reads.rollupS)} s later), while ingest runs at ${fmt(reads.rate)} events/s:`,
          ...reads.lines,
        ]),
      ].join('\n') + '\n',
    );
  } finally {
    await Promise.all([stop(service), stop(plain)]);
    if (process.env.BENCH_SERVICE_STDERR) writeFileSync(process.env.BENCH_SERVICE_STDERR, service.stderr());
    await nc.close();
    await db.end().catch(() => undefined);
    await dbh.drop();
    await nats.dispose();
  }
}

void main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
