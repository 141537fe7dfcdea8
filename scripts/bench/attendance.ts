/**
 * npm run bench:attendance [-- AGENTS [EVENTS]]
 * 2,000 agents, a month of rosters (62,000 agent-days), 250,000 clock events posted (5,000 per
 * request, 3 in flight, shuffled, with duplicates), then the month closed on demand and every
 * day published (`attendance.day.closed` acknowledged by the stream). The built service runs as
 * its own process with the Dockerfile's heap cap. Then the same work by a plain SQL baseline in
 * the same database. Prints events/s, days closed/s, publish time, how long the month's lists take
 * to read a page (1,000) at a time, and the service's peak RSS.
 * Targets: day close of the month < 15 s, RSS < 250 MB.
 */
import { join } from 'node:path';
import { Client } from 'pg';
import { mintToken } from '@app/auth';
import { freePort, startPrivateNatsServer } from '@app/messaging/testing/nats-server';
import { createTestDatabase } from '@app/persistence/testing/test-database';
import { fmt, rssMb } from './bench-util';
import { chunk, generateMonth, PERIOD } from './attendance/month';
import { plainBaseline } from './attendance/plain-baseline';
import { build, cpuSeconds, root, startNode, stop, waitReady } from './processes';
import { cpus, loadavg } from 'node:os';

const AGENTS = Number(process.argv[2] ?? 2_000);
const EVENTS = Number(process.argv[3] ?? 250_000);
const BATCH = 5_000;
const CONCURRENCY = 3;
const SECRET = 'bench-secret-0123456789';
// BENCH_NODE_FLAGS adds flags for one run, e.g. `--cpu-prof --cpu-prof-dir=/tmp/attprof` to profile the service.
const SERVICE_NODE_FLAGS = ['--max-old-space-size=128', ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean)];

async function postAll(url: string, auth: string, bodies: string[], type = 'application/json'): Promise<Array<Record<string, number>>> {
  const answers: Array<Record<string, number>> = [];
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const res = await fetch(url, { method: 'POST', headers: { authorization: auth, 'content-type': type }, body });
      if (res.status >= 300) throw new Error(`${url} answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
      answers.push((await res.json()) as Record<string, number>);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return answers;
}

/** Reads a list endpoint to its end, `limit` items a page (contracts.md: `{ items, nextCursor }`): the whole read and its slowest page. */
async function readList(url: string, auth: string, limit = 1_000): Promise<{ items: number; pages: number; ms: number; slowestMs: number }> {
  const out = { items: 0, pages: 0, ms: 0, slowestMs: 0 };
  const start = Date.now();
  for (let cursor: string | null = null; ; ) {
    const t = Date.now();
    const res = await fetch(`${url}${url.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, { headers: { authorization: auth } });
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
    const page = (await res.json()) as { items: unknown[]; nextCursor: string | null };
    out.items += page.items.length;
    out.pages++;
    out.slowestMs = Math.max(out.slowestMs, Date.now() - t);
    if (page.nextCursor === null) break;
    cursor = page.nextCursor;
  }
  return { ...out, ms: Date.now() - start };
}

async function main(): Promise<void> {
  process.stdout.write(`bench:attendance — ${fmt(AGENTS)} agents, ${PERIOD}, ${fmt(EVENTS)} clock events\n`);
  await build('attendance');
  const [dbh, nats] = await Promise.all([createTestDatabase('cc_bench'), startPrivateNatsServer()]);
  const port = await freePort();
  const service = startNode([...SERVICE_NODE_FLAGS, join(root, 'dist/apps/attendance/main.js')], {
    DATABASE_URL: dbh.url, NATS_URL: nats.url, AUTH_JWT_SECRET: SECRET, PORT: String(port), LOG_LEVEL: 'error', ATTENDANCE_CLOSE_EVERY_MS: '0',
  });
  const db = new Client({ connectionString: dbh.url });
  try {
    await waitReady(port, '/health/ready');
    await db.connect();
    const base = `http://127.0.0.1:${port}`;
    const auth = `Bearer ${mintToken(SECRET, { sub: 'bench', roles: ['hr', 'supervisor', 'clock'] })}`;
    const month = generateMonth(AGENTS, EVENTS);

    let t = Date.now();
    await postAll(`${base}/v1/agents`, auth, chunk(month.agents, BATCH).map((b) => JSON.stringify(b)));
    await postAll(`${base}/v1/rosters`, auth, chunk(month.rosters, BATCH).map((b) => JSON.stringify(b)));
    process.stdout.write(`setup: ${fmt(AGENTS)} agents and ${fmt(month.rosters.length)} roster days in ${fmt(Date.now() - t)} ms\n`);

    const bodies = chunk(month.events, BATCH).map((b) => JSON.stringify(b));
    t = Date.now();
    const answers = await postAll(`${base}/v1/clock-events`, auth, bodies);
    const ingestMs = Date.now() - t;
    const sum = (k: string) => answers.reduce((s, a) => s + (a[k] ?? 0), 0);
    process.stdout.write(
      `clock events: ${fmt(month.events.length)} posted in ${fmt(ingestMs)} ms = ${fmt(month.events.length / (ingestMs / 1000))} events/s ` +
        `(accepted ${fmt(sum('accepted'))}, duplicates ${fmt(sum('duplicates'))})\n`,
    );

    t = Date.now();
    const mono0 = process.hrtime.bigint();
    const cpu0 = cpuSeconds(service.proc.pid!);
    const res = await fetch(`${base}/v1/attendance/days/close`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: '{}' });
    const closed = (await res.json()) as { days: number; published: number };
    const closeMs = Date.now() - t;
    const cpu = cpuSeconds(service.proc.pid!) - cpu0;
    process.stdout.write(
      `day close: ${fmt(closed.days)} days decided and committed with their events in ${fmt(closeMs)} ms = ${fmt(closed.days / (closeMs / 1000))} days/s ` +
        `(service CPU ${fmt(cpu, 1)} s; machine load average ${loadavg().map((l) => fmt(l, 1)).join(' ')} on ${cpus().length} cores)\n`,
    );
    // The close's window on the monotonic clock the service's --cpu-prof timestamps use (µs), to cut its profile to it.
    if (SERVICE_NODE_FLAGS.some((f) => f.startsWith('--cpu-prof'))) process.stdout.write(`           profile window (monotonic µs): ${mono0 / 1000n}-${process.hrtime.bigint() / 1000n}\n`);
    for (;;) {
      const q = await db.query(`SELECT count(*)::int AS n FROM attendance.outbox_message WHERE sent_at IS NULL`);
      if (q.rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const publishedMs = Date.now() - t;
    process.stdout.write(`           every day.closed acknowledged by JetStream ${fmt(publishedMs)} ms after the close began = ${fmt(closed.days / (publishedMs / 1000))} days/s end to end\n`);
    const statuses = await db.query(
      `SELECT status, count(*)::int AS n, count(*) FILTER (WHERE (day->>'lateMinutes')::int > 0)::int AS late,
              count(*) FILTER (WHERE (day->>'earlyLeaveMinutes')::int > 0)::int AS early
       FROM attendance.day_record GROUP BY status ORDER BY status`,
    );
    process.stdout.write(`           ${statuses.rows.map((r) => `${r.status} ${fmt(r.n)} (late ${fmt(r.late)}, left early ${fmt(r.early)})`).join(', ')}\n`);
    for (const [what, path] of [['roster days', `/v1/rosters?period=${PERIOD}`], ['agents', '/v1/agents'], ["agents' months", `/v1/attendance/summary?period=${PERIOD}`]]) {
      const r = await readList(`${base}${path}`, auth);
      process.stdout.write(`list ${path}: ${fmt(r.items)} ${what} in ${fmt(r.pages)} pages of 1,000, ${fmt(r.ms)} ms (slowest page ${fmt(r.slowestMs)} ms)\n`);
    }
    const rss = rssMb(service.proc.pid!);
    process.stdout.write(`service RSS: ${fmt(rss.now)} MB now, ${fmt(rss.peak)} MB peak (target < 250 MB)\n`);

    const plain = await plainBaseline(db, bodies);
    process.stdout.write(
      `plain SQL baseline: ${fmt(month.events.length / (plain.ingestMs / 1000))} events/s inserted; ${fmt(plain.days)} days decided in ${fmt(plain.closeMs)} ms = ` +
        `${fmt(plain.days / (plain.closeMs / 1000))} days/s\n` +
        `ratios service/baseline: ingest ${fmt(plain.ingestMs / ingestMs, 2)}, close ${fmt(plain.closeMs / closeMs, 2)}\n` +
        `target day close < 15 s: ${closeMs < 15_000 ? 'met' : 'MISSED'} (${fmt(closeMs / 1000, 1)} s)\n`,
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
