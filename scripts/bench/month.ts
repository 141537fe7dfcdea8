/**
 * npm run bench:month [-- CALLS [SPEED [SEATS]]]
 * A 1,000-seat centre's busiest hour (15,000 calls by default) replayed at SPEED× (10) through the
 * whole system: the five built services as separate processes on a private NATS and a throw-away
 * database, a webhook subscribed to `call.ring-limit-exceeded`, the seats registered in attendance.
 * The hour is the last day of last month, so the month can be closed after it. Printed: the POST
 * and end-to-end throughput (telephony-events → scoring's legs), event-to-alert latency p50/p99 (the
 * POST carrying the proving event → the webhook receiver holding the alert; alerts notification held
 * back into a flood digest are counted apart, as are any never seen), the month-close time
 * (POST close → every finalized event on the stream) and each service's peak RSS; beside the plain
 * baselines of bench:ingest (node:http → JetStream → table), bench:alerts (JetStream publish → pull
 * consumer → HTTP POST) and bench:close (one SQL aggregation of the call KPIs).
 */
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { mintToken } from '@app/auth';
import { freePort, startPrivateNatsServer } from '@app/messaging/testing/nats-server';
import { createTestDatabase } from '@app/persistence/testing/test-database';
import { fmt, percentile, rssMb } from './bench-util';
import { startPlainPipeline } from './alerts/plain';
import { AlertReceiver } from './alerts/receiver';
import { plainAggregation } from './close/plain';
import { postBodies } from './ingest/measure';
import { busiestHour } from './month/hour';
import { build, root, startNode, stop, waitReady, type NodeChild } from './processes';

const CALLS = Number(process.argv[2] ?? 15_000);
const SPEED = Number(process.argv[3] ?? 10);
const SEATS = Number(process.argv[4] ?? 1_000);
const TICK_MS = 100;
const SECRET = 'bench-secret-0123456789';
const HOOK_SECRET = 'bench-webhook-secret-0123456789';
const ZONE = 'Asia/Shanghai';
const REGIONS = ['east', 'south', 'southwest', 'central', 'northeast', 'northwest', 'north'];
const SERVICES = ['telephony-events', 'qa-evaluation', 'attendance', 'scoring', 'notification'] as const;
const ms = (x: number) => `${fmt(x, 1)} ms`;
const log = (line: string) => process.stdout.write(`${line}\n`);

async function post(url: string, auth: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`POST ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 600_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== null) return v;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

async function main(): Promise<void> {
  // The month closed is last month (a month closes once it has ended); the hour is live traffic.
  const monthStart = DateTime.now().setZone(ZONE).startOf('month').minus({ months: 1 });
  const period = monthStart.toFormat('yyyy-MM');
  log(`bench:month — ${fmt(SEATS)} seats, ${fmt(CALLS)} calls in the busiest hour replayed at ${SPEED}× (${fmt(3_600 / SPEED)} s), then ${period} closed`);
  log('building the five services…');
  // BENCH_NO_BUILD=1 reuses dist/ (a second run on an unchanged tree).
  if (process.env.BENCH_NO_BUILD !== '1') for (const s of SERVICES) await build(s);

  const [dbh, nats] = await Promise.all([createTestDatabase('cc_bench'), startPrivateNatsServer()]);
  const ports = Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s, await freePort()] as const))) as Record<(typeof SERVICES)[number], number>;
  const env = { DATABASE_URL: dbh.url, NATS_URL: nats.url, AUTH_JWT_SECRET: SECRET, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error', SCORING_AUTO_CLOSE: 'false' };
  const children: Array<[string, NodeChild]> = [];
  const receiver = new AlertReceiver(HOOK_SECRET);
  const receiverUrl = await receiver.start();
  const nc = await connect({ servers: nats.url });
  const db = new Client({ connectionString: dbh.url });
  const url = (s: (typeof SERVICES)[number], path: string) => `http://127.0.0.1:${ports[s]}${path}`;
  const auth = `Bearer ${mintToken(SECRET, { sub: 'bench', roles: ['admin', 'hr', 'telephony', 'supervisor'] })}`;
  try {
    for (const s of SERVICES) {
      // The bench's webhook receiver listens on this host: the one internal network notification may reach here.
      const child = startNode([join(root, 'dist/apps', s, 'main.js')], { ...env, PORT: String(ports[s]), WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8' });
      children.push([s, child]);
      await waitReady(ports[s], '/health/ready', 120_000);
    }
    await db.connect();
    await post(url('notification', '/v1/webhooks'), auth, { webhookId: 'bench', url: `${receiverUrl}/hook`, secret: HOOK_SECRET, kinds: ['call.ring-limit-exceeded'] });
    const seats = Array.from({ length: SEATS }, (_, i) => `S${10_001 + i}`);
    for (let i = 0; i < seats.length; i += 250) {
      await post(url('attendance', '/v1/agents'), auth, seats.slice(i, i + 250).map((agentId, k) => ({
        agentId, name: `坐席 ${agentId}`, team: `T${Math.floor((i + k) / 21) + 1}`, region: REGIONS[(i + k) % REGIONS.length], role: 'agent', hireDate: '2025-01-01', supervisorId: 'S01', level: 'regular', active: true,
      })));
    }
    await until('scoring to know every seat', async () => {
      const s = (await (await fetch(url('scoring', `/v1/periods/${period}`), { headers: { authorization: auth } })).json()) as { agents: number };
      return s.agents >= SEATS ? true : null;
    });
    await new Promise((r) => setTimeout(r, 1_200)); // the routing cache sees the webhook

    // telephony-events alerts only on live calls (events within its live window, an hour) and refuses
    // events more than 5 minutes ahead: the hour is stamped so that its last events are sent up to 4
    // minutes early and its first ones about 57 minutes late at 10×.
    const lastOffsetMs = busiestHour(DateTime.now(), CALLS, SEATS).events.at(-1)!.offsetMs;
    const leadMs = lastOffsetMs * (1 - 1 / SPEED) - 240_000;
    const hourStart = DateTime.now().setZone(ZONE).minus({ milliseconds: leadMs });
    const hour = busiestHour(hourStart, CALLS, SEATS);
    // Calls sent more than 55 minutes after they happened may fall out of the live window: not timed.
    const liveAtSend = (offsetMs: number) => leadMs - offsetMs * (1 - 1 / SPEED) < 55 * 60_000;
    log(`  the hour from ${hourStart.toFormat('yyyy-MM-dd HH:mm:ss')} (${ZONE}): ${fmt(hour.events.length)} events, ${fmt(hour.legs)} legs, ${fmt(hour.breaches.size)} calls rung past three rings`);
    // The replay: what is due in each 100 ms tick, in one POST, without waiting for the previous one.
    const bodies: string[] = [];
    const bodyTicks: number[] = [];
    const provingBody = new Map<string, number>();
    const proving = new Set(hour.breaches.values());
    let cursor = 0;
    for (let tick = 0; cursor < hour.events.length; tick++) {
      const due = ((tick + 1) * TICK_MS * SPEED);
      const batch = [];
      while (cursor < hour.events.length && hour.events[cursor].offsetMs < due) batch.push(hour.events[cursor++].e);
      for (const e of batch) if (proving.has(e.eventId) && !provingBody.has(e.callId) && liveAtSend(tick * TICK_MS * SPEED)) provingBody.set(e.callId, tick);
      if (batch.length === 0) continue;
      bodies.push(JSON.stringify(batch));
      bodyTicks.push(tick);
    }
    const telephonyAuth = `Bearer ${mintToken(SECRET, { sub: 'pbx', roles: ['telephony'] })}`;
    const run = await postBodies(url('telephony-events', '/v1/call-events'), telephonyAuth, bodies, 16, (i) => bodyTicks[i] * TICK_MS);
    const postSeconds = (run.lastAnsweredAt - run.firstAt) / 1000;
    // A body is sent at its due time (or as soon as a connection is free): its answer time minus the work it waited for.
    const sentAt = (tick: number) => run.firstAt + tick * TICK_MS;
    // Watched while the alerts are waited for: the digests' wait must not count as scoring's time.
    const legsInP = until('scoring to hold every leg', async () => {
      const n: number = (await db.query(`SELECT count(*)::int AS n FROM scoring.call_leg`)).rows[0].n;
      return n >= hour.legs ? performance.now() : null;
    }, 180_000).then((at) => ({ at }), async (err: Error) => {
      const n = (await db.query(`SELECT (SELECT count(*) FROM scoring.call_leg) AS scoring_legs, (SELECT count(*) FROM telephony.call_facts) AS telephony_calls`)).rows[0];
      return { err: new Error(`${err.message}: ${JSON.stringify(n)} of ${hour.legs} legs, ${CALLS} calls`) };
    });
    // notification groups a flood of one agent's alerts (same kind, within its flood window, 5 minutes)
    // into one digest at the window's end: those are counted apart, and waited for up to a window and a half.
    await receiver.waitFor([...provingBody.keys()], 20_000).catch((err: Error) => log(`  alerts one by one: ${err.message}; waiting for the flood digests`));
    await receiver.waitFor([...provingBody.keys()], 450_000, true).catch((err: Error) => log(`  alerts with digests: ${err.message}`));
    const alertMs = [...provingBody].filter(([c]) => receiver.arrivals.has(c)).map(([c, tick]) => receiver.arrivals.get(c)! - sentAt(tick));
    const inDigest = [...provingBody.keys()].filter((c) => !receiver.arrivals.has(c) && receiver.digested.has(c)).length;
    const digestsSeen = receiver.digests;
    const legs = await legsInP;
    if ('err' in legs) throw legs.err;
    const legsIn = legs.at;
    const endToEnd = (legsIn - run.firstAt) / 1000;

    const jsm = await jetstreamManager(nc);
    const finalized = async () => ((await jsm.streams.info('SCORING', { subjects_filter: 'scoring.score.finalized' })).state.subjects as Record<string, number> | undefined)?.['scoring.score.finalized'] ?? 0;
    const c0 = performance.now();
    const closed = (await post(url('scoring', `/v1/periods/${period}/close`), auth, { force: true })) as { finalized: number };
    const committedMs = performance.now() - c0;
    await until('every finalized event', async () => ((await finalized()) >= SEATS ? true : null), 300_000, 50);
    const closeMs = performance.now() - c0;
    const peaks = children.map(([s, c]) => `${s} ${fmt(rssMb(c.proc.pid!).peak)} MB`);

    // Baselines, on the same machine in the same run.
    const plainAgg = await plainAggregation(db, hourStart.startOf('month').toUTC().toISO()!, hourStart.startOf('month').plus({ months: 1 }).toUTC().toISO()!);
    receiver.reset();
    const plain = await startPlainPipeline(nc, receiverUrl);
    const published = new Map<string, number>();
    const p0 = performance.now();
    const pubs: Array<Promise<unknown>> = [];
    for (const [callId, tick] of provingBody) {
      const wait = p0 + tick * TICK_MS - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      published.set(callId, performance.now());
      pubs.push(plain.publish(callId));
    }
    await Promise.all(pubs);
    await receiver.waitFor([...published.keys()]);
    const plainAlertMs = [...published].map(([c, at]) => receiver.arrivals.get(c)! - at);
    plain.stop();
    const plainPort = await freePort();
    const plainIngest = startNode(['-r', '@swc-node/register', join(__dirname, 'ingest/plain-server.ts')], { ...env, PORT: String(plainPort) });
    children.push(['plain ingest', plainIngest]);
    await waitReady(plainPort);
    const pRun = await postBodies(`http://127.0.0.1:${plainPort}/events`, '', bodies, 16, (i) => bodyTicks[i] * TICK_MS);
    const plainStored = await until('the plain table', async () => {
      const n: number = (await db.query(`SELECT count(*)::int AS n FROM plain.call_event`)).rows[0].n;
      return n >= hour.events.length ? performance.now() : null;
    });

    const p = (xs: number[], q: number) => (xs.length ? percentile(xs, q) : NaN);
    log(
      [
        `replay: ${fmt(run.accepted)} events accepted (${run.duplicates} duplicates, ${run.rejected} rejected, ${run.retried} POSTs retried) in ${fmt(postSeconds, 1)} s = ${fmt(run.accepted / postSeconds)} ev/s offered at ${fmt(hour.events.length / (3_600 / SPEED))} ev/s`,
        `  end to end: all ${fmt(hour.legs)} legs in scoring ${fmt(endToEnd, 1)} s after the first POST = ${fmt(CALLS / endToEnd)} calls/s (${fmt(hour.legs / endToEnd)} legs/s); the hour needs ${fmt((CALLS / 3_600) * SPEED, 1)} calls/s at ${SPEED}×`,
        `  event → alert (POST of the proving event → webhook receiver): ${fmt(alertMs.length)} of ${fmt(provingBody.size)} live breaches (of ${fmt(hour.breaches.size)}) delivered one by one, p50 ${ms(p(alertMs, 50))}, p99 ${ms(p(alertMs, 99))}; ${fmt(inDigest)} inside ${fmt(digestsSeen)} flood digests; ${fmt(provingBody.size - alertMs.length - inDigest)} not seen (${receiver.badSignatures} bad signatures)`,
        `  month close of ${period} (forced, ${fmt(SEATS)} seats; the live hour belongs to this month, still open): committed in ${ms(committedMs)} (${fmt(closed.finalized)} scorecards); every finalized event on the stream after ${ms(closeMs)}`,
        `  peak RSS: ${peaks.join(', ')}`,
        `baselines, same machine, same run:`,
        `  plain ingest (node:http → JetStream → table, bench:ingest's): the same bodies paced alike, all ${fmt(hour.events.length)} rows after ${fmt((plainStored - pRun.firstAt) / 1000, 1)} s = ${fmt(hour.events.length / ((plainStored - pRun.firstAt) / 1000))} ev/s`,
        `  plain alert pipeline (JetStream publish → pull consumer → HTTP POST, bench:alerts'): p50 ${ms(p(plainAlertMs, 50))}, p99 ${ms(p(plainAlertMs, 99))}; ratio p99 ${fmt(p(alertMs, 99) / p(plainAlertMs, 99), 1)}×`,
        `  plain SQL aggregation of the month's call KPIs (bench:close's): ${fmt(plainAgg.agents)} agents in ${fmt(plainAgg.ms)} ms; close / aggregation ${fmt(closeMs / Math.max(1, plainAgg.ms), 1)}×`,
      ].join('\n'),
    );
  } finally {
    await Promise.all(children.map(([, c]) => stop(c)));
    await receiver.close();
    await nc.close();
    await db.end().catch(() => undefined);
    await dbh.drop();
    await nats.dispose();
  }
}

void main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
