/**
 * npm run bench:history [-- CALLS_PER_MONTH [MONTHS]]   (defaults 2,400,000 and 3: issue 20's size)
 * MONTHS months of history (the months before this one) written as an Asterisk queue_log to a temp file
 * (bench:queue-log's generator, a day at a time, streamed), then imported end to end with the real
 * `npm run import:history` (its own process) into telephony-events, attendance and scoring, built and run as
 * separate processes with the Dockerfile's heap cap on a private NATS and a throw-away database. Timed from
 * the importer's start: the import accepted (importer exit 0), every call's facts in telephony-events
 * (nothing left to derive), every leg in scoring (scoring holds telephony-events' latest version of every
 * call), and each month's provisional scorecards current (every page read; their `offered` KPIs add up to
 * the month's legs). Beside it, in the same run, the plain baseline: the same file into a plain table by
 * PostgreSQL COPY. Printed: calls/s end to end, each phase's wall time, peak RSS and CPU per process, the
 * ratio to COPY, and the projection of a month of 2.4 M calls against the issue's target of 10 minutes.
 * Env: BENCH_NO_BUILD=1 reuses dist/, BENCH_LOG_LEVEL (services' log level, default error),
 * BENCH_TIMEOUT_MIN (per phase, default 600).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import { mintToken } from '@app/auth';
import { startPrivateNatsServer } from '@app/messaging/testing/nats-server';
import { createTestDatabase } from '@app/persistence/testing/test-database';
import { fmt, rssMb } from './bench-util';
import { copyBaseline } from './history/copy-baseline';
import { writeHistoryFile, type HistoryFile } from './history/history-file';
import { MonthBuckets } from './history/month-buckets';
import { cpuBetween, postgresCpuSeconds } from './history/postgres-cpu';
import { runImporter } from './history/run-importer';
import { scorecardOffers } from './history/scorecard-offers';
import { getJson, HISTORY_SERVICES, registerAgents, startServices, type HistoryService } from './history/services';
import { scoringHasEveryLeg, telephonyHasEveryCall, until } from './history/settled';
import { build, cpuSeconds, stop, type NodeChild } from './processes';

const CALLS_PER_MONTH = Number(process.argv[2] ?? 2_400_000);
const MONTHS = Number(process.argv[3] ?? 3);
/** The issue's target: a month of this many calls scored in under TARGET_MIN minutes on 2 cores. */
const TARGET_CALLS = 2_400_000;
const TARGET_MIN = 10;
const ZONE = 'Asia/Shanghai';
const SECRET = 'bench-secret-0123456789';
const PHASE_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MIN ?? 600) * 60_000;
const log = (line: string) => process.stdout.write(`${line}\n`);
const s = (ms: number) => `${fmt(ms / 1000, 1)} s`;
const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024, 1)} MB`;

/** What to undo, last first; run once, on success, failure or Ctrl-C. */
const cleanups: Array<() => Promise<unknown> | unknown> = [];
let cleaning: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const undo of cleanups.reverse()) await Promise.resolve().then(undo).catch((err: Error) => process.stderr.write(`clean-up: ${err.message}\n`));
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

function check(): void {
  if (!Number.isInteger(CALLS_PER_MONTH) || CALLS_PER_MONTH < 1 || !Number.isInteger(MONTHS) || MONTHS < 1 || MONTHS > 12) {
    throw new Error('usage: npm run bench:history [-- CALLS_PER_MONTH [MONTHS]]   (a whole number of calls ≥ 1; 1–12 months)');
  }
}

async function generate(periods: string[], dir: string): Promise<{ path: string; file: HistoryFile }> {
  const path = join(dir, 'queue_log');
  const t0 = performance.now();
  const file = await writeHistoryFile(path, periods, CALLS_PER_MONTH, ZONE);
  // telephony-events refuses instants in its future: the generated days must end before now.
  if (file.lastLineAt > DateTime.now()) throw new Error(`the generated log runs until ${file.lastLineAt.toISO()}, past now: fewer calls per month, please`);
  const legs = [...file.legsByPeriod.values()].reduce((a, b) => a + b, 0);
  log(`  ${path}: ${mb(file.bytes)}, ${fmt(file.lines)} lines, ${fmt(file.calls)} calls, ${fmt(legs)} agent legs, ${file.agents.length} agents, written in ${s(performance.now() - t0)}`);
  log(`  by month (${ZONE}): ${[...file.callsByPeriod].map(([p, n]) => `${p} ${fmt(n)} calls / ${fmt(file.legsByPeriod.get(p) ?? 0)} legs`).join(', ')}`);
  return { path, file };
}

async function main(): Promise<void> {
  check();
  const thisMonth = DateTime.now().setZone(ZONE).startOf('month');
  const periods = Array.from({ length: MONTHS }, (_, i) => thisMonth.minus({ months: MONTHS - i }).toFormat('yyyy-MM'));
  log(`bench:history — ${fmt(CALLS_PER_MONTH)} calls a month × ${MONTHS} (${periods[0]}…${periods.at(-1)}), imported end to end; load average ${loadAverage()}`);

  const dir = await mkdtemp(join(tmpdir(), 'bench-history-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  log('generating the queue_log…');
  const { path, file } = await generate(periods, dir);

  log('building telephony-events, attendance and scoring…');
  if (process.env.BENCH_NO_BUILD !== '1') for (const svc of HISTORY_SERVICES) await build(svc);
  const dbh = await createTestDatabase('cc_bench');
  cleanups.push(() => dbh.drop());
  const nats = await startPrivateNatsServer();
  cleanups.push(() => nats.dispose());
  const children: Array<[HistoryService, NodeChild]> = [];
  cleanups.push(() => Promise.all(children.map(([, c]) => stop(c))));
  const db = new Client({ connectionString: dbh.url });
  await db.connect();
  cleanups.push(() => db.end());

  const env = { DATABASE_URL: dbh.url, NATS_URL: nats.url, AUTH_JWT_SECRET: SECRET, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error', SCORING_AUTO_CLOSE: 'false' };
  const services = await startServices(env, children);
  const auth = `Bearer ${mintToken(SECRET, { sub: 'bench', roles: ['admin', 'hr', 'manager'] })}`;
  await registerAgents(services, auth, file.agents);
  await until('scoring to know every agent', async () => {
    const p = await getJson<{ agents: number }>(services.url('scoring', `/v1/periods/${periods[0]}`), auth);
    return p.agents >= file.agents.length ? true : null;
  }, 120_000, 250);
  const cpu0 = new Map(children.map(([svc, c]) => [svc, cpuSeconds(c.proc.pid!)]));
  const pg0 = await postgresCpuSeconds(db);

  log(`importing (npm run import:history, its own process); load average ${loadAverage()}…`);
  const pbxToken = mintToken(SECRET, { sub: 'importer', roles: ['telephony'] });
  let stopImporter = () => undefined as unknown;
  cleanups.push(() => stopImporter());
  const t0 = performance.now();
  const imported = await runImporter(path, join(dir, 'import-state.json'), services.url('telephony-events', '/'), pbxToken, (stopIt) => (stopImporter = stopIt));
  if (imported.code !== 0) throw new Error(`the importer exited with ${imported.code}:\n${imported.tail}`);
  const telephony = await until('every call in telephony-events', () => telephonyHasEveryCall(db, file.calls), PHASE_TIMEOUT_MS);
  const scoring = await until('every leg in scoring', () => scoringHasEveryLeg(db, file.calls), PHASE_TIMEOUT_MS);
  const buckets = new MonthBuckets(periods[0], MONTHS + 2, ZONE);
  // Months the legs fell in (the last day's late calls may reach into this month).
  const scored = [...file.legsByPeriod.keys()];
  const legsIn = async (p: string) => {
    const w = buckets.window(p);
    return (await db.query(`SELECT count(*)::int AS n FROM scoring.call_leg WHERE offered_at >= $1 AND offered_at < $2`, [w.from, w.to])).rows[0].n as number;
  };
  const cards = await until('provisional scorecards current', async () => {
    const read = await Promise.all(scored.map(async (p) => ({ p, ...(await scorecardOffers((q) => services.url('scoring', q), auth, p)), stored: await legsIn(p) })));
    return read.every((r) => r.offered === r.stored) ? read : null;
  }, PHASE_TIMEOUT_MS);
  const endMs = cards.at - t0;
  const cpu = children.map(([svc, c]) => cpuSeconds(c.proc.pid!) - cpu0.get(svc)!);
  const pgCpu = cpuBetween(pg0, await postgresCpuSeconds(db));
  const peaks = children.map(([svc, c], i) => `${svc} ${fmt(rssMb(c.proc.pid!).peak)} MB (${fmt(cpu[i])} CPU s)`);
  const cpuTotal = cpu.reduce((a, b) => a + b, 0) + imported.cpuSeconds + (pgCpu ?? 0);
  const loadAfter = loadAverage();

  log('baseline: COPY of the same lines into a plain table…');
  const copy = await copyBaseline(db, dbh.url, path);

  const callsPerS = file.calls / (endMs / 1000);
  const copyCallsPerS = file.calls / (copy.ms / 1000);
  const projectedMin = TARGET_CALLS / callsPerS / 60;
  const generatedLegs = [...file.legsByPeriod.values()].reduce((a, b) => a + b, 0);
  log(
    [
      `bench:history  ${fmt(file.calls)} calls (${fmt(file.lines)} lines, ${mb(file.bytes)}) over ${MONTHS} month${MONTHS === 1 ? '' : 's'}; load average ${loadAfter} at the end`,
      `  import accepted (importer exit 0):        ${s(imported.ms)}  (${fmt(file.lines / (imported.ms / 1000))} lines/s, importer peak RSS ${fmt(imported.peakRssMb)} MB)`,
      `  every call's facts in telephony-events:   ${s(telephony.at - t0)}  (${fmt(telephony.value.facts)} calls, ${fmt(telephony.value.legs)} legs)`,
      `  every leg in scoring:                     ${s(scoring.at - t0)}  (${fmt(scoring.value.legs)} legs; generated ${fmt(generatedLegs)})`,
      `  provisional scorecards current:           ${s(endMs)}  (${cards.value.map((r) => `${r.p}: ${fmt(r.cards)} cards, offered ${fmt(r.offered)} ${r.offered === file.legsByPeriod.get(r.p) ? '=' : '≠'} generated ${fmt(file.legsByPeriod.get(r.p) ?? 0)}${r.provisional ? '' : ', not provisional!'}`).join('; ')})`,
      `  end to end: ${fmt(callsPerS)} calls/s (${fmt(file.lines / (endMs / 1000))} lines/s)`,
      `  peak RSS (CPU during the import): ${peaks.join(', ')}; importer ${fmt(imported.peakRssMb)} MB (${fmt(imported.cpuSeconds)} CPU s)`,
      `  CPU: ${fmt(cpuTotal)} s in all (services, importer, ${pgCpu === null ? 'PostgreSQL not on this machine: not counted' : `PostgreSQL backends ${fmt(pgCpu)} s`}) = ${fmt((cpuTotal / file.calls) * 1000, 2)} ms a call; `
        + `with 2 cores to itself a month of ${fmt(TARGET_CALLS)} calls would need at least ${fmt((cpuTotal / file.calls) * TARGET_CALLS / 2 / 60, 1)} min`,
      `baseline, same machine, same run: COPY of the ${fmt(copy.rows)} lines into a plain table ${s(copy.ms)} = ${fmt(copy.rows / (copy.ms / 1000))} lines/s (${fmt(copyCallsPerS)} calls/s)`,
      `  ratio end to end / COPY: ${fmt(callsPerS / copyCallsPerS, 3)} (COPY is ${fmt(copyCallsPerS / callsPerS, 0)}× faster)`,
      `projection: a month of ${fmt(TARGET_CALLS)} calls in ${fmt(projectedMin, 1)} min at this rate (target < ${TARGET_MIN} min: ${projectedMin < TARGET_MIN ? 'met' : `missed, needs ${fmt(TARGET_CALLS / (TARGET_MIN * 60))} calls/s`})`,
      `importer's summary:\n${imported.tail.split('\n').map((l) => `  | ${l}`).join('\n')}`,
    ].join('\n'),
  );
}

function loadAverage(): string {
  return loadavg().map((x) => x.toFixed(2)).join(', ');
}

main()
  .then(() => cleanUp())
  .catch(async (err: Error) => {
    // After Ctrl-C the clean-up stopping the importer is what failed the run: nothing more to say.
    if (cleaning === undefined) process.stderr.write(`${err.stack ?? err}\n`);
    await cleanUp();
    process.exit(1);
  });
