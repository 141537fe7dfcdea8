import type { ScoreEvent } from '@app/contracts';
import { PERSONAS, type ServiceKey } from '../../scripts/demo/api';
import { Rng } from '../../scripts/demo/rng';
import { buildServicesOnce, scoreEventsOnStream, SERVICE_KEYS, SystemProcesses } from '../support/system-processes';
import { createTestEnv, type TestEnv } from '../support/test-env';
import { sleep, waitFor } from '../support/wait-for';
import { fileRecords, ingestSteps, planSeededMonth, type SeededMonth } from './seeded-month';
import { lastMonth, openAppraisalWindow } from './small-month';

interface Card {
  agentId: string;
  total: number | null;
  grade: string | null;
  rank: number | null;
  level: { levelBefore: string; levelAfter: string };
  pay: { total: number; lines: Array<{ code: string; amount: number }> };
  kpis: Record<string, { value: unknown }>;
}

const KPIS = ['offered', 'answered', 'missed', 'ringViolations', 'longHolds', 'rated', 'goodRatePct', 'rosteredDays', 'lateArrivals', 'absences', 'deductionPoints', 'validComplaints'];

/** What must not differ between a disturbed and an undisturbed run: figures, grades, levels, pay lines. */
const project = (cards: Card[]) =>
  [...cards]
    .sort((a, b) => a.agentId.localeCompare(b.agentId))
    .map((c) => ({
      agentId: c.agentId, total: c.total, grade: c.grade, rank: c.rank, levelBefore: c.level.levelBefore, levelAfter: c.level.levelAfter, pay: c.pay.total,
      lines: c.pay.lines.map((l) => `${l.code} ${l.amount}`).sort(), kpis: KPIS.map((k) => `${k} ${JSON.stringify(c.kpis[k]?.value ?? null)}`),
    }));

const projectEvents = (events: ScoreEvent[]) =>
  [...events]
    .sort((a, b) => a.agentId.localeCompare(b.agentId) || a.revision - b.revision)
    .map((e) => ({ eventId: e.eventId, agentId: e.agentId, revision: e.revision, total: e.totalScore, grade: e.grade, levelBefore: e.levelBefore, levelAfter: e.levelAfter, pay: e.pay.total, lines: e.pay.lines.map((l) => `${l.code} ${l.amount}`).sort() }));

type Fault = { name: string; run: (env: TestEnv, sys: SystemProcesses) => Promise<void> };

const killAndRestart = (k: ServiceKey): Fault => ({
  name: `SIGKILL ${k}`,
  run: async (_env, sys) => {
    await sys.kill(k);
    await sys.startOne(k);
  },
});
const FAULTS: Fault[] = [
  ...SERVICE_KEYS.map(killAndRestart),
  {
    name: 'restart NATS',
    run: async (env) => {
      await env.nats.stop();
      await sleep(1_000);
      await env.nats.start();
    },
  },
  {
    // We cannot restart the machine's PostgreSQL server (other work shares it): every connection to
    // the test database is terminated instead, which is what a service sees of a server restart.
    name: 'drop every PostgreSQL connection',
    run: async (env) => {
      await env.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    },
  },
];

interface Outcome {
  provisional: ReturnType<typeof project>;
  final: ReturnType<typeof project>;
  events: ScoreEvent[];
  faultLog: string[];
}

/** One whole run of the seeded month on its own database and NATS; with `faultSeed`, under faults at random moments of the ingest. */
async function runMonth(month: SeededMonth, baseline: Outcome | null, faultSeed?: number): Promise<Outcome> {
  const env = await createTestEnv();
  const sys = await SystemProcesses.start(env);
  const faultLog: string[] = [];
  const t0 = Date.now();
  try {
    await openAppraisalWindow(sys.api);
    await fileRecords(sys.api, month);
    const steps = ingestSteps(sys.patient, month);
    // Each fault at a random step of the ingest, after a random delay inside it; one fault at a time.
    const rng = faultSeed === undefined ? null : new Rng(faultSeed);
    const at = new Map<number, Fault[]>();
    if (rng) {
      for (const f of FAULTS) {
        const i = rng.int(1, steps.length - 1);
        at.set(i, [...(at.get(i) ?? []), f]);
      }
    }
    let controller = Promise.resolve();
    for (let i = 0; i < steps.length; i++) {
      for (const f of at.get(i) ?? []) {
        const delay = rng!.int(0, 400);
        controller = controller.then(async () => {
          await sleep(delay);
          faultLog.push(`${((Date.now() - t0) / 1000).toFixed(1)} s, step ${i}/${steps.length}: ${f.name}`);
          await f.run(env, sys);
        });
      }
      await steps[i]();
    }
    await controller;

    const cards = () => sys.patient.all<Card>('scoring', `/v1/scorecards?period=${month.period}`, PERSONAS.hr);
    const want = {
      offered: month.calls.filter((e) => e.type === 'call.offered').length,
      rated: month.calls.filter((e) => e.type === 'call.rated').length,
      rosteredDays: month.rosters.length,
      validComplaints: month.complaints.length,
    };
    const sum = (cs: Card[], k: string) => cs.reduce((s, c) => s + Number(c.kpis[k]?.value ?? 0), 0);
    let last = '';
    const caughtUp = waitFor(async () => {
      const cs = await cards();
      const status = await sys.patient.get<{ missingAppraisals: string[] }>('scoring', `/v1/periods/${month.period}`, PERSONAS.hr);
      const now = project(cs);
      const same = JSON.stringify(now) === last;
      last = JSON.stringify(now);
      if (baseline) return JSON.stringify(now) === JSON.stringify(baseline.provisional) ? now : null;
      // The undisturbed run: every leg, rating, day and complaint arrived, and nothing moved for a second.
      const complete = cs.length === month.agents.length && status.missingAppraisals.length === 0 && Object.entries(want).every(([k, v]) => sum(cs, k) === v);
      return complete && same ? now : null;
    }, `the scorecards to hold the whole month (${JSON.stringify(want)})`, 150_000, 1_000);
    // A disturbed run that never matches fails with the difference, not only a timeout.
    const provisional = await caughtUp.catch((err: Error) => {
      if (baseline && last) expect(JSON.parse(last)).toEqual(baseline.provisional);
      throw err;
    });

    const closed = await sys.patient.post<{ finalized: number }>('scoring', `/v1/periods/${month.period}/close`, PERSONAS.hr, {});
    expect(closed.finalized).toBe(month.agents.length);
    if (rng) {
      // Killed the moment the close is answered: its finalized events wait in the outbox for the next start.
      faultLog.push(`${((Date.now() - t0) / 1000).toFixed(1)} s, after the close: SIGKILL scoring`);
      await sys.kill('scoring');
      await sys.startOne('scoring');
    }
    await waitFor(async () => (await scoreEventsOnStream(env.nats.url)).length >= month.agents.length, 'the finalized events', 60_000, 250);
    await sleep(1_500);
    return { provisional, final: project(await cards()), events: await scoreEventsOnStream(env.nats.url), faultLog };
  } finally {
    await sys.stopAll();
    await env.dispose();
  }
}

/**
 * Nothing lost, nothing doubled: the seeded month ingested while each service is SIGKILLed and
 * restarted at a random moment, NATS restarted and every PostgreSQL connection dropped, ends with
 * the same scorecards and the same payroll events as an undisturbed run of the same seed.
 */
describe('faults during the month', () => {
  const month = planSeededMonth(lastMonth(), 20260923);

  beforeAll(() => buildServicesOnce(), 420_000);

  it('end with the scorecards and payroll events of an undisturbed run', async () => {
    const calm = await runMonth(month, null);
    // The undisturbed run itself: one finalized event per agent, matching its scorecards.
    expect(calm.events.map((e) => e.agentId).sort()).toEqual(month.agents.map((a) => a.agentId).sort());
    expect(calm.events.every((e) => e.revision === 1)).toBe(true);
    expect(calm.final).toEqual(calm.provisional);

    const faultSeed = Number(process.env.FAULT_SEED ?? Date.now() % 100_000);
    const stormy = await runMonth(month, calm, faultSeed);
    process.stdout.write(`fault seed ${faultSeed}:\n  ${stormy.faultLog.join('\n  ')}\n`);
    expect(stormy.faultLog).toHaveLength(FAULTS.length + 1);
    expect(stormy.final).toEqual(calm.final);
    expect(projectEvents(stormy.events)).toEqual(projectEvents(calm.events));
  }, 480_000);
});
