/**
 * npm run bench:qa [-- EVALUATIONS [CALLS]]
 * 8,000 evaluations submitted over HTTP by 20 concurrent evaluators to the built qa-evaluation
 * service (its own process, heap capped as in deploy/Dockerfile): three quarters at full speed in
 * three rounds, each taking turns with the plain baseline (ratio of the medians), the rest paced at
 * 50 evaluations/s for the latency target. BENCH_QA_STATEMENTS=1 also counts the SQL statements a
 * submission costs the service. Then a month's sampling for 2,000
 * agents over 3,000,000 call facts. Each against a plain baseline in the same run (node:http →
 * one INSERT transaction; one ranking query). Targets: p99 submit < 100 ms at 50/s; sampling < 10 s.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { mintToken } from '@app/auth';
import { freePort, startPrivateNatsServer } from '@app/messaging/testing/nats-server';
import { createTestDatabase } from '@app/persistence/testing/test-database';
import { CALL_QA_FORM } from '../../apps/qa-evaluation/src/domain/forms/seeded-forms';
import { fmt, median, percentile, rssMb } from './bench-util';
import { build, root, startNode, stop, waitReady } from './processes';
import { plainSampling, startPlainServer } from './qa/plain-baseline';
import { agentOfCall, evaluatorOfCall, PERIOD, seedCopies } from './qa/seed';
import { added, perSubmission, statementsSince } from './qa/statements';

const EVALUATIONS = Number(process.argv[2] ?? 8_000);
const CALLS = Number(process.argv[3] ?? 3_000_000);
const AGENTS = 2_000;
const EVALUATORS = 20;
const PACED_RATE = 50;
/** Full-speed rounds, each the service then the plain baseline on the same calls. */
const ROUNDS = 3;
const SECRET = 'bench-secret-0123456789';
/** BENCH_QA_STATEMENTS=1: the service counts the SQL statements it sends (qa/count-statements.ts), shown a submission. */
const STATEMENTS_FILE = process.env.BENCH_QA_STATEMENTS === '1' ? join(tmpdir(), `bench-qa-statements-${process.pid}.json`) : null;
const COUNT_FLAGS = STATEMENTS_FILE ? ` -r @swc-node/register -r ${join(__dirname, 'qa/count-statements.ts')}` : '';
/** As deploy/Dockerfile runs the services; BENCH_NODE_FLAGS adds e.g. --cpu-prof. */
const SERVICE_NODE_FLAGS = `--max-old-space-size=128 ${process.env.BENCH_NODE_FLAGS ?? ''}${COUNT_FLAGS}`.trim().replace(/\s+/g, ' ');
const ITEMS = CALL_QA_FORM.sections.flatMap((s) => s.items);

/** A plausible scoring of call i: mostly good, some items lower or N/A, 1 in 97 a critical fail. */
function body(i: number) {
  const answers = ITEMS.map((item, k) => {
    if (item.type === 'yesno') return { itemId: item.itemId, value: item.critical ? i % 97 !== 0 : (i + k) % 11 !== 0 };
    if (item.naAllowed && (i + k) % 13 === 0) return { itemId: item.itemId, value: 'na' };
    return { itemId: item.itemId, value: Math.max(0, item.maxPoints - ((i * 7 + k) % 3)) };
  });
  return JSON.stringify({ callId: `c${i}`, agentId: agentOfCall(i, AGENTS), formId: 'call-qa', formVersion: 1, answers });
}

async function outboxDrained(db: Client): Promise<void> {
  for (;;) {
    const q = await db.query(`SELECT count(*)::int AS n FROM qa.outbox_message WHERE sent_at IS NULL`);
    if (q.rows[0].n === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

interface Run {
  ms: number;
  latencies: number[];
}

/**
 * Every evaluator posting the calls of their own team in turn (QA acts on its own team only), all at once; with
 * `rate`, the whole load is paced in call order.
 */
async function submit(url: string, auths: string[], calls: number[], rate?: number): Promise<Run> {
  const latencies: number[] = [];
  const started = Date.now();
  const worker = async (w: number) => {
    for (let n = 0; n < calls.length; n++) {
      if (evaluatorOfCall(calls[n], AGENTS, auths.length) !== w) continue;
      if (rate) {
        const due = started + (n * 1000) / rate;
        if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
      }
      const t = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { authorization: auths[w], 'content-type': 'application/json' }, body: body(calls[n]) });
      const text = await res.text();
      if (res.status !== 201) throw new Error(`${url} answered ${res.status}: ${text.slice(0, 300)}`);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(auths.map((_, w) => worker(w)));
  return { ms: Date.now() - started, latencies };
}

const line = (label: string, n: number, r: Run) =>
  `${label}: ${fmt(n)} in ${fmt(r.ms)} ms = ${fmt(n / (r.ms / 1000))} evaluations/s; latency p50 ${fmt(percentile(r.latencies, 50), 1)} ms, p99 ${fmt(percentile(r.latencies, 99), 1)} ms\n`;

async function main(): Promise<void> {
  process.stdout.write(`bench:qa — ${fmt(EVALUATIONS)} evaluations by ${EVALUATORS} evaluators; sampling ${fmt(AGENTS)} agents over ${fmt(CALLS)} call facts\n`);
  await build('qa-evaluation');
  const [dbh, nats] = await Promise.all([createTestDatabase('cc_bench'), startPrivateNatsServer()]);
  const port = await freePort();
  const service = startNode([...SERVICE_NODE_FLAGS.split(' '), join(root, 'dist/apps/qa-evaluation/main.js')], {
    DATABASE_URL: dbh.url, NATS_URL: nats.url, AUTH_JWT_SECRET: SECRET, PORT: String(port), LOG_LEVEL: 'error',
    ...(STATEMENTS_FILE ? { BENCH_QA_STATEMENTS_FILE: STATEMENTS_FILE } : {}),
  });
  const db = new Client({ connectionString: dbh.url });
  const plain = await startPlainServer(dbh.url);
  try {
    await waitReady(port, '/health/ready');
    await db.connect();
    // A step prime to the number of agents spreads the evaluated calls over all of them.
    let step = Math.floor(CALLS / EVALUATIONS);
    while (gcd(step, AGENTS) !== 1) step--;
    const calls = Array.from({ length: EVALUATIONS }, (_, k) => 1 + k * step);
    let t = Date.now();
    await seedCopies(db, AGENTS, EVALUATORS, CALLS, calls.map((i) => `c${i}`));
    process.stdout.write(`setup: ${fmt(AGENTS)} agents, ${EVALUATORS} evaluators, ${fmt(CALLS)} call legs seeded in ${fmt(Date.now() - t)} ms\n`);

    const auths = Array.from({ length: EVALUATORS }, (_, w) => `Bearer ${mintToken(SECRET, { sub: `Q${String(w + 1).padStart(2, '0')}`, roles: ['qa'] })}`);
    const base = `http://127.0.0.1:${port}`;
    await submit(`${base}/v1/evaluations`, auths, [0]); // warm-up: call c0, outside the seeded calls
    const full = Math.round(EVALUATIONS * 0.75);
    // The machine is shared: the service and the plain baseline take turns on a third of the calls each round, so a
    // change in the machine's load lands on both, and the ratio is of the two medians.
    const rounds: Array<{ service: number; plain: number }> = [];
    let statements: Record<string, number> = {};
    let before: Record<string, number> = {};
    for (let r = 0; r < ROUNDS; r++) {
      const chunk = calls.slice(Math.floor((r * full) / ROUNDS), Math.floor(((r + 1) * full) / ROUNDS));
      if (STATEMENTS_FILE) before = await statementsSince(STATEMENTS_FILE, Date.now());
      const fast = await submit(`${base}/v1/evaluations`, auths, chunk);
      process.stdout.write(line(`round ${r + 1}: service, ${EVALUATORS} concurrent`, chunk.length, fast));
      await outboxDrained(db); // the relay's backlog is no load on the baseline's turn (nor on the paced run)
      if (STATEMENTS_FILE) statements = added(statements, before, await statementsSince(STATEMENTS_FILE, Date.now()));
      const fastPlain = await submit(`${plain.url}/`, auths, chunk);
      process.stdout.write(line(`round ${r + 1}: plain baseline, ${EVALUATORS} concurrent`, chunk.length, fastPlain));
      rounds.push({ service: chunk.length / (fast.ms / 1000), plain: chunk.length / (fastPlain.ms / 1000) });
    }
    if (STATEMENTS_FILE) process.stdout.write(perSubmission(statements, full));
    const paced = await submit(`${base}/v1/evaluations`, auths, calls.slice(full), PACED_RATE);
    process.stdout.write(line(`service, paced at ${PACED_RATE}/s`, EVALUATIONS - full, paced));
    const pacedPlain = await submit(`${plain.url}/`, auths, calls.slice(full), PACED_RATE);
    process.stdout.write(line(`plain baseline, paced at ${PACED_RATE}/s`, EVALUATIONS - full, pacedPlain));
    await outboxDrained(db);
    const stored = await db.query(`SELECT count(*)::int AS n, round(avg((result->>'percent')::numeric), 2) AS avg FROM qa.evaluation`);
    process.stdout.write(`stored ${fmt(stored.rows[0].n)} evaluations (mean ${stored.rows[0].avg} %), every qa.evaluation.finalized acknowledged by JetStream\n`);

    t = Date.now();
    const res = await fetch(`${base}/v1/sampling/runs`, { method: 'POST', headers: { authorization: auths[0], 'content-type': 'application/json' }, body: JSON.stringify({ period: PERIOD }) });
    const run = (await res.json()) as { assigned: number; agents: number; short: number };
    const samplingMs = Date.now() - t;
    if (res.status !== 201) throw new Error(`sampling answered ${res.status}: ${JSON.stringify(run)}`);
    const clash = await db.query(`SELECT count(*)::int AS n FROM qa.sample_assignment s JOIN qa.evaluation e USING (call_id)`);
    process.stdout.write(`sampling: ${fmt(run.assigned)} calls for ${fmt(run.agents)} agents (${run.short} short) in ${fmt(samplingMs)} ms; ${clash.rows[0].n} already-evaluated calls sampled\n`);
    const plainRun = await plainSampling(db, 4);
    process.stdout.write(`plain sampling query: ${fmt(plainRun.rows)} rows in ${fmt(plainRun.ms)} ms; ratio plain/service ${fmt(plainRun.ms / samplingMs, 2)}\n`);
    const rss = rssMb(service.proc.pid!);
    process.stdout.write(`service RSS: ${fmt(rss.now)} MB now, ${fmt(rss.peak)} MB peak\n`);
    const p99 = percentile(paced.latencies, 99);
    process.stdout.write(
      `full speed, median of ${ROUNDS} rounds: service ${fmt(median(rounds.map((r) => r.service)))} / plain ${fmt(median(rounds.map((r) => r.plain)))} evaluations/s\n` +
        `ratio service/baseline at full speed: ${fmt(median(rounds.map((r) => r.service)) / median(rounds.map((r) => r.plain)), 2)} ` +
        `(rounds: ${rounds.map((r) => fmt(r.service / r.plain, 2)).join(', ')})\n` +
        `target p99 submit < 100 ms at ${PACED_RATE}/s: ${p99 < 100 ? 'met' : 'MISSED'} (${fmt(p99, 1)} ms)\n` +
        `target sampling < 10 s: ${samplingMs < 10_000 ? 'met' : 'MISSED'} (${fmt(samplingMs / 1000, 1)} s)\n`,
    );
  } finally {
    await stop(service);
    await plain.close().catch(() => undefined);
    await db.end().catch(() => undefined);
    await Promise.allSettled([dbh.drop(), nats.dispose()]);
    if (STATEMENTS_FILE) rmSync(STATEMENTS_FILE, { force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
