/**
 * `npm run demo`: the whole system with a realistic month in it.
 *
 *   npm run demo [-- --period 2026-10] [--seed 20261]
 *
 * Starts the system as `npm run dev` does (unless the five services already answer), generates a
 * seeded month for a 20-agent centre in two teams, pushes it through the public APIs as the
 * telephony system, the badge clock, QA staff, supervisors and HR would, closes the month, prints
 * the scorecards and the payroll events a stand-in payroll subscriber received, and leaves the system
 * running with that month in it (Ctrl-C stops everything).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import devDefaults from '../dev/defaults.json';
import { DemoApi, PERSONAS, SERVICE_PORTS } from './api';
import { QA_INSPECTORS } from './demo-centre';
import { driveMonth } from './drive-month';
import { DEMO_ZONE, planMonth } from './month-plan';
import { DemoPayroll } from './payroll-subscriber';
import { scorecardTable } from './print-scorecards';
import { Rng } from './rng';
import { waitForScoring } from './wait-scoring';

const log = (line: string) => process.stdout.write(`[demo] ${line}\n`);

async function allReady(): Promise<boolean> {
  const answers = await Promise.all(
    Object.values(SERVICE_PORTS).map((port) => fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.status === 200, () => false)),
  );
  return answers.every(Boolean);
}

async function startSystem(): Promise<ChildProcess | null> {
  if (await allReady()) {
    log('the five services already answer: using them');
    return null;
  }
  log('starting the system (npm run dev) …');
  // A replayed month is usually past its close day: scoring's own close on that day would finalise it
  // half-loaded, so the demo's system leaves closing to the demo (as a supervisor would do it).
  const child = spawn(process.execPath, [join(__dirname, '..', 'dev.js')], { stdio: 'inherit', env: { ...process.env, SCORING_AUTO_CLOSE: 'false' } });
  const deadline = Date.now() + 240_000;
  while (!(await allReady())) {
    if (child.exitCode !== null) throw new Error(`npm run dev exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('the services did not become ready within 4 minutes');
    await new Promise((r) => setTimeout(r, 1_000));
  }
  return child;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { period: { type: 'string' }, seed: { type: 'string' } } });
  const period = values.period ?? DateTime.now().setZone(DEMO_ZONE).minus({ months: 1 }).toFormat('yyyy-MM');
  const seed = Number(values.seed ?? 20261);
  const started = Date.now();
  const dev = await startSystem();
  const stopDev = () => dev?.kill('SIGTERM');
  process.once('SIGINT', stopDev);
  process.once('SIGTERM', stopDev);
  try {
    await runMonth(period, seed, started, dev);
  } catch (err) {
    stopDev();
    throw err;
  }
}

async function runMonth(period: string, seed: number, started: number, dev: ChildProcess | null): Promise<void> {
  const api = new DemoApi(process.env.AUTH_JWT_SECRET ?? devDefaults.jwtSecret);
  const payroll = await DemoPayroll.start(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', period);
  const month = planMonth(period, seed);
  const state = await api.get<{ state: string }>('scoring', `/v1/periods/${period}`, PERSONAS.hr);
  if (state.state === 'closed') {
    log(`${period} is closed already: showing it (choose another with --period)`);
  } else {
    log(`month ${period}, seed ${seed}: ${month.agents.length} agents, ${new Set(month.calls.map((c) => c.callId)).size} calls, ${month.clockEvents.length} clock events`);
    for (const n of month.notes) log(`  planned: ${n}`);
    await driveMonth(api, month, new Rng(seed + 1), log);
    await waitForScoring(api, month, log);
    const closed = await api.post<{ finalized: number }>('scoring', `/v1/periods/${period}/close`, PERSONAS.hr, {});
    log(`scoring: ${period} closed, ${closed.finalized} scorecards finalized`);
  }
  await payroll.waitFor(month.agents.length + QA_INSPECTORS.length);
  const scorecards = await api.all<Parameters<typeof scorecardTable>[0][number]>('scoring', `/v1/scorecards?period=${period}`, PERSONAS.hr);
  process.stdout.write(`\n${scorecardTable(scorecards, payroll.events)}\n\n`);
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await payroll.close();
  if (dev) {
    log('the system keeps running with this month in it: console http://localhost:3000, APIs on :3001–3005. Ctrl-C stops it.');
    await new Promise((r) => dev.once('exit', r));
  }
}

main().catch((err: Error) => {
  process.stderr.write(`[demo] failed: ${err.message}\n`);
  process.exitCode = 1;
});
