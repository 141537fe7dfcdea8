/**
 * npm run bench:speech-qa [-- TRANSCRIPTS [PACED [PER_REQUEST]]]
 * The built qa-evaluation service (its own process, heap capped as in deploy/Dockerfile) on a throw-away
 * database and a private NATS, every call's copy already there. 20,000 transcripts of 40–120 segments are
 * POSTed to /v1/transcripts (PER_REQUEST to a request, default 25, as an array; 1 posts them one by one) by 16
 * concurrent senders as fast as they are accepted; the throughput is transcripts until every one's automatic
 * evaluation is stored. Then PACED more at half that rate: the
 * latency from a transcript's POST to its stored evaluation (p50, p99). Beside it, in the same run, a plain
 * loop that segments (jieba) and matches the same texts in this process. Targets: ≥ 500 calls/s; p99 < 2 s.
 */
import { join } from 'node:path';
import { Client } from 'pg';
import { mintToken } from '@app/auth';
import { freePort, startPrivateNatsServer } from '@app/messaging/testing/nats-server';
import { createTestDatabase } from '@app/persistence/testing/test-database';
import { fmt, median, percentile, rssMb } from './bench-util';
import { build, root, startNode, stop, waitReady } from './processes';
import { plainLoop } from './speech-qa/plain-baseline';
import { seedCalls, transcriptOf } from './speech-qa/transcripts';

const TRANSCRIPTS = Number(process.argv[2] ?? 20_000);
const PACED = Number(process.argv[3] ?? 5_000);
const PER_REQUEST = Number(process.argv[4] ?? 25);
const SENDERS = 16;
const AGENTS = 500;
const SECRET = 'bench-secret-0123456789';
const SERVICE_NODE_FLAGS = `--max-old-space-size=128 ${process.env.BENCH_NODE_FLAGS ?? ''}`.trim();

async function stored(db: Client, from: number, to: number): Promise<number> {
  const q = await db.query(`SELECT count(*)::int AS n FROM qa.auto_evaluation WHERE call_id = ANY($1::text[])`, [Array.from({ length: to - from }, (_, k) => `sq${from + k}`)]);
  return q.rows[0].n;
}

async function untilStored(db: Client, from: number, to: number, onPeak: () => void): Promise<void> {
  for (;;) {
    onPeak();
    if ((await stored(db, from, to)) === to - from) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Posts transcripts `from`…`to`−1, PER_REQUEST to a request, by SENDERS concurrent senders; with `rate` (transcripts/s), paced. */
async function post(url: string, auth: string, from: number, to: number, rate?: number): Promise<{ ms: number; sentAt: Map<string, number> }> {
  const sentAt = new Map<string, number>();
  let next = from;
  const started = Date.now();
  const sender = async () => {
    for (;;) {
      const first = next;
      if (first >= to) return;
      const last = Math.min(to, first + PER_REQUEST);
      next = last;
      if (rate) {
        const due = started + ((first - from) * 1000) / rate;
        if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
      }
      const list = Array.from({ length: last - first }, (_, k) => transcriptOf(first + k));
      const body = JSON.stringify(PER_REQUEST === 1 ? list[0] : list);
      const at = Date.now();
      for (const t of list) sentAt.set(t.callId, at);
      const res = await fetch(url, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body });
      const text = await res.text();
      if (res.status !== 202) throw new Error(`${url} answered ${res.status}: ${text.slice(0, 300)}`);
    }
  };
  await Promise.all(Array.from({ length: SENDERS }, sender));
  return { ms: Date.now() - started, sentAt };
}

async function main(): Promise<void> {
  process.stdout.write(`bench:speech-qa — ${fmt(TRANSCRIPTS)} transcripts of 40–120 segments at full speed, ${fmt(PACED)} at half the rate, ${PER_REQUEST} to a request\n`);
  await build('qa-evaluation');
  const [dbh, nats] = await Promise.all([createTestDatabase('cc_bench'), startPrivateNatsServer()]);
  const port = await freePort();
  const service = startNode([...SERVICE_NODE_FLAGS.split(' '), join(root, 'dist/apps/qa-evaluation/main.js')], {
    DATABASE_URL: dbh.url, NATS_URL: nats.url, AUTH_JWT_SECRET: SECRET, PORT: String(port), LOG_LEVEL: 'error',
  });
  const db = new Client({ connectionString: dbh.url });
  let peakRss = 0;
  const samplePeak = () => (peakRss = Math.max(peakRss, rssMb(service.proc.pid!).now));
  try {
    await waitReady(port, '/health/ready');
    await db.connect();
    const total = TRANSCRIPTS + PACED + 20;
    let t = Date.now();
    await seedCalls(db, total, AGENTS);
    process.stdout.write(`setup: ${fmt(total)} call copies for ${AGENTS} agents in ${fmt(Date.now() - t)} ms\n`);
    const url = `http://127.0.0.1:${port}/v1/transcripts`;
    const auth = `Bearer ${mintToken(SECRET, { sub: 'pbx', roles: ['telephony'] })}`;

    // Warm-up: the word dictionary loads on the first check.
    await post(url, auth, total - 20, total);
    await untilStored(db, total - 20, total, samplePeak);
    const idleRss = rssMb(service.proc.pid!).now;

    t = Date.now();
    const fast = await post(url, auth, 0, TRANSCRIPTS);
    await untilStored(db, 0, TRANSCRIPTS, samplePeak);
    const fullMs = Date.now() - t;
    const rate = TRANSCRIPTS / (fullMs / 1000);
    process.stdout.write(`service, ${SENDERS} senders: ${fmt(TRANSCRIPTS)} posted in ${fmt(fast.ms)} ms (${fmt(TRANSCRIPTS / (fast.ms / 1000))}/s accepted); ` +
      `every evaluation stored after ${fmt(fullMs)} ms = ${fmt(rate)} calls/s\n`);

    const paceRate = Math.max(1, Math.floor(rate / 2));
    const paced = await post(url, auth, TRANSCRIPTS, TRANSCRIPTS + PACED, paceRate);
    await untilStored(db, TRANSCRIPTS, TRANSCRIPTS + PACED, samplePeak);
    const rows = await db.query<{ call_id: string; at: Date }>(
      `SELECT call_id, checked_at AS at FROM qa.auto_evaluation WHERE call_id = ANY($1::text[])`, [[...paced.sentAt.keys()]],
    );
    const latencies = rows.rows.map((r) => r.at.getTime() - paced.sentAt.get(r.call_id)!);
    process.stdout.write(`service, paced at ${fmt(paceRate)}/s: ${fmt(PACED)} transcripts; POST → stored evaluation p50 ${fmt(median(latencies))} ms, p99 ${fmt(percentile(latencies, 99))} ms, max ${fmt(Math.max(...latencies))} ms\n`);

    const summary = await db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE flagged)::int AS flagged, sum(forbidden_phrases)::int AS forbidden, count(*) FILTER (WHERE complaint_risk)::int AS risk,
              round(100.0 * sum(script_passed) / NULLIF(sum(script_checks), 0), 1) AS adherence FROM qa.auto_evaluation`,
    );
    const s = summary.rows[0];
    const outbox = await db.query(`SELECT count(*)::int AS n FROM qa.outbox_message WHERE sent_at IS NULL`);
    process.stdout.write(`stored ${fmt(s.n)} automatic evaluations: ${fmt(s.flagged)} flagged, ${fmt(s.forbidden)} forbidden phrases, ${fmt(s.risk)} complaint risks, script adherence ${s.adherence} %; ${outbox.rows[0].n} outbox rows not yet relayed\n`);

    const plainRuns = [0, 1, 2].map((k) => plainLoop(k * 2_000, 2_000).perSecond);
    const plain = median(plainRuns);
    const rss = rssMb(service.proc.pid!);
    process.stdout.write(
      `plain loop (jieba + substring match, in-process, no HTTP or database): median ${fmt(plain)} calls/s over ${plainRuns.length} rounds of 2,000\n` +
        `ratio service/plain: ${fmt(rate / plain, 3)}\n` +
        `service RSS: idle after warm-up ${fmt(idleRss)} MB, peak sampled ${fmt(peakRss)} MB, VmHWM ${fmt(rss.peak)} MB\n` +
        `target ≥ 500 calls/s: ${rate >= 500 ? 'met' : 'MISSED'} (${fmt(rate)})\n` +
        `target p99 < 2 s at half rate: ${percentile(latencies, 99) < 2_000 ? 'met' : 'MISSED'} (${fmt(percentile(latencies, 99))} ms)\n`,
    );
  } finally {
    await stop(service);
    await db.end().catch(() => undefined);
    await Promise.allSettled([dbh.drop(), nats.dispose()]);
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
