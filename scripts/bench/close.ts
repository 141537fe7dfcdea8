/**
 * npm run bench:close [-- AGENTS [LEGS [SAMPLE]]]
 * A month for 2,000 agents (3,000,000 call legs, 8,000 evaluations, 62,000 attendance days,
 * 4,000 records, 2,000 appraisals) loaded in bulk into scoring's own fact tables, then the close
 * timed from the POST until all finalized events are on the SCORING stream, then a what-if (the
 * ops preset) over the same month; beside one plain SQL aggregation of the same call KPIs in the
 * same database; and, first, the consumer path's rate on a sample of call facts published on the
 * stream. The built service runs as its own process with the Dockerfile's heap cap.
 * Targets: close < 20 s and < 500 MB RSS, what-if < 20 s.
 */
import { join } from 'node:path';
import { Client } from 'pg';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { mintToken } from '@app/auth';
import { freePort, startPrivateNatsServer } from '@app/messaging/testing/nats-server';
import { createTestDatabase } from '@app/persistence/testing/test-database';
import { fmt, rssMb } from './bench-util';
import { consumeSample, publishSample, untilStored } from './close/consume-sample';
import { loadMonth, PERIOD } from './close/load-month';
import { plainAggregation } from './close/plain';
import { build, root, startNode, stop, waitReady } from './processes';

const AGENTS = Number(process.argv[2] ?? 2_000);
const LEGS = Number(process.argv[3] ?? 3_000_000);
/** Call facts sent through the consumers (the month itself is bulk-loaded: 3,000,000 one by one would take the consumer path's rate × 3,000,000). */
const SAMPLE = Number(process.argv[4] ?? 20_000);
const SECRET = 'bench-secret-0123456789';
/** BENCH_NODE_FLAGS adds flags to the service's node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/scprof` to profile it. */
const SERVICE_NODE_FLAGS = `--max-old-space-size=128 ${process.env.BENCH_NODE_FLAGS ?? ''}`.trim();

async function main(): Promise<void> {
  process.stdout.write(`bench:close — ${fmt(AGENTS)} agents, ${fmt(LEGS)} call legs, ${PERIOD}\n`);
  await build('scoring');
  const [dbh, nats] = await Promise.all([createTestDatabase('cc_bench'), startPrivateNatsServer()]);
  const port = await freePort();
  const startService = () =>
    startNode([...SERVICE_NODE_FLAGS.split(/\s+/), join(root, 'dist/apps/scoring/main.js')], {
      DATABASE_URL: dbh.url, NATS_URL: nats.url, AUTH_JWT_SECRET: SECRET, PORT: String(port), LOG_LEVEL: 'error', SCORING_AUTO_CLOSE: 'false',
    });
  let service = startService();
  const db = new Client({ connectionString: dbh.url });
  const nc = await connect({ servers: nats.url });
  let peak = 0;
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(service.proc.pid!).now);
    } catch {
      /* the process is gone */
    }
  }, 100);
  try {
    await waitReady(port, '/health/ready');
    await db.connect();
    let t = Date.now();
    await loadMonth(db, { agents: AGENTS, legs: LEGS, evaluations: AGENTS * 4, days: AGENTS * 31, records: AGENTS * 2 });
    process.stdout.write(`load: ${fmt(LEGS)} legs, ${fmt(AGENTS * 4)} evaluations, ${fmt(AGENTS * 31)} days, ${fmt(AGENTS * 2)} records in ${fmt(Date.now() - t)} ms\n`);

    const sample = await consumeSample(nc, db, SAMPLE, AGENTS);
    process.stdout.write(
      `consumers: ${fmt(SAMPLE)} call facts of September through JetStream → inbox → stored in ${fmt(sample.ms)} ms = ${fmt(sample.perSecond)} facts/s ` +
        `(${fmt(sample.batches.count)} transactions, median ${fmt(sample.batches.median)} and at most ${fmt(sample.batches.max)} facts each; ` +
        `all published and acked after ${fmt(sample.publishedMs)} ms = ${fmt(SAMPLE / (sample.publishedMs / 1000))} facts/s, consumer / publish ${fmt(sample.publishedMs / sample.ms, 2)})\n`,
    );

    // The consumer's own ceiling: the same number of facts waiting on the stream while the service is down, drained after a start.
    await stop(service);
    await publishSample(nc, 'b', SAMPLE, AGENTS);
    const started = Date.now();
    service = startService();
    await waitReady(port, '/health/ready');
    const readyMs = Date.now() - started;
    await untilStored(db, 'b', SAMPLE);
    const drainMs = Date.now() - started;
    process.stdout.write(
      `consumers, backlog: ${fmt(SAMPLE)} call facts waiting on the stream drained ${fmt(drainMs)} ms after the service was started = ${fmt(SAMPLE / (drainMs / 1000))} facts/s ` +
        `(ready after ${fmt(readyMs)} ms; counted from ready, ${fmt(SAMPLE / (Math.max(1, drainMs - readyMs) / 1000))} facts/s)\n`,
    );

    const plain = await plainAggregation(db, '2026-09-30T16:00:00Z', '2026-10-31T16:00:00Z');
    process.stdout.write(`plain SQL aggregation of the call KPIs: ${fmt(plain.agents)} agents in ${fmt(plain.ms)} ms\n`);

    const base = `http://127.0.0.1:${port}`;
    const auth = `Bearer ${mintToken(SECRET, { sub: 'bench', roles: ['admin', 'hr', 'supervisor'] })}`;
    const jsm = await jetstreamManager(nc);
    const finalized = async () => {
      const info = await jsm.streams.info('SCORING', { subjects_filter: 'scoring.score.finalized' });
      return ((info.state.subjects ?? {}) as Record<string, number>)['scoring.score.finalized'] ?? 0;
    };
    peak = 0;
    t = Date.now();
    const res = await fetch(`${base}/v1/periods/${PERIOD}/close`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: '{"force":true}' });
    const body = (await res.json()) as { finalized: number };
    if (res.status !== 200) throw new Error(`close answered ${res.status}: ${JSON.stringify(body)}`);
    const committedMs = Date.now() - t;
    while ((await finalized()) < AGENTS) await new Promise((r) => setTimeout(r, 50));
    const closeMs = Date.now() - t;
    const closePeak = peak;
    process.stdout.write(`close: ${fmt(body.finalized)} scorecards committed in ${fmt(committedMs)} ms; all ${fmt(AGENTS)} finalized events on the stream after ${fmt(closeMs)} ms\n`);

    const ops = ((await (await fetch(`${base}/v1/policies`, { headers: { authorization: auth } })).json()) as { items: Array<{ name: string; document: unknown }> }).items.find((p) => p.name === 'ops')!.document;
    t = Date.now();
    const sim = await fetch(`${base}/v1/policies/simulate`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify({ period: PERIOD, policy: ops }) });
    const simBody = (await sim.json()) as { summary: { agents: number; changed: number } };
    if (sim.status !== 200) throw new Error(`simulate answered ${sim.status}: ${JSON.stringify(simBody)}`);
    const whatIfMs = Date.now() - t;
    process.stdout.write(`what-if (ops preset): ${fmt(simBody.summary.agents)} agents, ${fmt(simBody.summary.changed)} changed, in ${fmt(whatIfMs)} ms\n`);

    const rss = rssMb(service.proc.pid!);
    process.stdout.write(
      `service RSS: peak during close ${fmt(closePeak)} MB, process peak ${fmt(rss.peak)} MB\n` +
        `ratio close / plain aggregation: ${fmt(closeMs / plain.ms, 1)}×; what-if / plain: ${fmt(whatIfMs / plain.ms, 1)}×\n` +
        `targets: close < 20 s ${closeMs < 20_000 ? 'met' : 'MISSED'} (${fmt(closeMs / 1000, 1)} s), RSS < 500 MB ${rss.peak < 500 ? 'met' : 'MISSED'}, ` +
        `what-if < 20 s ${whatIfMs < 20_000 ? 'met' : 'MISSED'} (${fmt(whatIfMs / 1000, 1)} s)\n`,
    );
  } catch (err) {
    process.stderr.write(`service stderr (last 3,000 characters):\n${service.stderr().slice(-3_000)}\n`);
    throw err;
  } finally {
    clearInterval(sampler);
    await stop(service);
    await nc.close().catch(() => undefined);
    await db.end().catch(() => undefined);
    await Promise.allSettled([dbh.drop(), nats.dispose()]);
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
