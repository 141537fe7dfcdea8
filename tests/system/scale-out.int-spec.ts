import { ALL_STREAMS, type ScoreEvent } from '@app/contracts';
import { DemoApi, PERSONAS, type ServiceKey } from '../../scripts/demo/api';
import { Rng } from '../../scripts/demo/rng';
import { NatsCluster } from '../support/nats-cluster';
import { buildServicesOnce, scoreEventsOnStream, SERVICE_KEYS, SystemProcesses } from '../support/system-processes';
import { createTestEnv, TEST_JWT_SECRET } from '../support/test-env';
import { sleep, waitFor } from '../support/wait-for';
import { fileRecords, ingestSteps, planSeededMonth, type SeededMonth } from './seeded-month';
import { lastMonth, openAppraisalWindow } from './small-month';

/*
 * Issue 17, "Scale-out, proved": a centre that outgrows one machine runs a 3-node NATS cluster (streams
 * replicated R3) and several instances of each service against one PostgreSQL. The seeded month of the fault
 * test is driven through two instances of every service; one NATS node and one instance of each service are
 * SIGKILLed during the ingest and again during the close, and the month must end with the scorecards and
 * payroll events of a single-instance run on a single server.
 */

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
const STREAMS = ALL_STREAMS.map((s) => s.name);

/** What must not differ between the two setups: figures, grades, ranks, levels, pay lines (as tests/system/faults). */
const project = (cards: Card[]) =>
  [...cards]
    .sort((a, b) => a.agentId.localeCompare(b.agentId))
    .map((c) => ({
      agentId: c.agentId, total: c.total, grade: c.grade, rank: c.rank, levelBefore: c.level.levelBefore, levelAfter: c.level.levelAfter, pay: c.pay.total,
      lines: c.pay.lines.map((l) => `${l.code} ${l.amount}`).sort(), kpis: KPIS.map((k) => `${k} ${JSON.stringify(c.kpis[k]?.value ?? null)}`),
    }));
type Projected = ReturnType<typeof project>;

/** Every event as the stream holds it, in stream order by agent: a duplicate or a missing one shows. */
const projectEvents = (events: ScoreEvent[]) =>
  [...events]
    .sort((a, b) => a.agentId.localeCompare(b.agentId) || a.revision - b.revision)
    .map((e) => ({ eventId: e.eventId, agentId: e.agentId, revision: e.revision, total: e.totalScore, grade: e.grade, levelBefore: e.levelBefore, levelAfter: e.levelAfter, pay: e.pay.total, lines: e.pay.lines.map((l) => `${l.code} ${l.amount}`).sort() }));

interface Outcome {
  provisional: Projected;
  final: Projected;
  events: ScoreEvent[];
  log: string[];
}

const cardsOf = (sys: SystemProcesses, month: SeededMonth) => sys.patient.all<Card>('scoring', `/v1/scorecards?period=${month.period}`, PERSONAS.hr);

/**
 * Until the provisional scorecards hold the whole month: for the reference run, every leg, rating, day and
 * complaint counted and nothing moving for a second; for the scaled-out run, equal to the reference (a run
 * that never gets there fails with the difference, not only a timeout).
 */
async function caughtUp(sys: SystemProcesses, month: SeededMonth, reference: Projected | null): Promise<Projected> {
  const want = {
    offered: month.calls.filter((e) => e.type === 'call.offered').length,
    rated: month.calls.filter((e) => e.type === 'call.rated').length,
    rosteredDays: month.rosters.length,
    validComplaints: month.complaints.length,
  };
  const sum = (cs: Card[], k: string) => cs.reduce((s, c) => s + Number(c.kpis[k]?.value ?? 0), 0);
  let last = '';
  return waitFor(async () => {
    const cs = await cardsOf(sys, month);
    const now = project(cs);
    const same = JSON.stringify(now) === last;
    last = JSON.stringify(now);
    if (reference) return last === JSON.stringify(reference) ? now : null;
    const status = await sys.patient.get<{ missingAppraisals: string[] }>('scoring', `/v1/periods/${month.period}`, PERSONAS.hr);
    const complete = cs.length === month.agents.length && status.missingAppraisals.length === 0 && Object.entries(want).every(([k, v]) => sum(cs, k) === v);
    return complete && same ? now : null;
  }, `the scorecards to hold the whole month (${JSON.stringify(want)})`, 180_000, 1_000).catch((err: Error) => {
    if (reference && last) expect(JSON.parse(last)).toEqual(reference);
    throw err;
  });
}

/** Once every agent's finalized event is on the SCORING stream and a quiet second passed: the stream's events. */
async function settledEvents(month: SeededMonth, natsUrl: () => string): Promise<ScoreEvent[]> {
  await waitFor(async () => (await scoreEventsOnStream(natsUrl()).catch(() => [])).length >= month.agents.length, 'the finalized events', 90_000, 250);
  await sleep(1_500);
  return scoreEventsOnStream(natsUrl());
}

/** The reference: one instance of each service on one nats-server, undisturbed. */
async function singleInstanceRun(month: SeededMonth): Promise<Outcome> {
  const env = await createTestEnv();
  const sys = await SystemProcesses.start(env);
  try {
    await openAppraisalWindow(sys.api);
    await fileRecords(sys.api, month);
    for (const step of ingestSteps(sys.patient, month)) await step();
    const provisional = await caughtUp(sys, month, null);
    const closed = await sys.patient.post<{ finalized: number }>('scoring', `/v1/periods/${month.period}/close`, PERSONAS.hr, {});
    expect(closed.finalized).toBe(month.agents.length);
    const events = await settledEvents(month, () => env.nats.url);
    return { provisional, final: project(await cardsOf(sys, month)), events, log: [] };
  } finally {
    await sys.stopAll();
    await env.dispose();
  }
}

/** A real pause inside a fault's timing (not stretched by TEST_TIME_SCALE: it places the fault, it waits for nothing). */
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Three NATS nodes, two instances of every service; faults during the ingest and during the close. */
async function scaledOutRun(month: SeededMonth, reference: Outcome, seed: number): Promise<Outcome> {
  const rng = new Rng(seed);
  const log: string[] = [];
  const t0 = Date.now();
  const note = (what: string) => log.push(`${((Date.now() - t0) / 1000).toFixed(1)} s: ${what}`);
  const cluster = await NatsCluster.start(3);
  // Its own database; the environment's single nats-server stays idle.
  const env = await createTestEnv();
  let sys: SystemProcesses | undefined;
  try {
    sys = await SystemProcesses.start(env, { NATS_STREAM_REPLICAS: '3' }, { instances: 2, natsUrl: cluster.url });
    note('3 NATS nodes and 2 instances of each service ready');
    // The services created every stream with three replicas (NATS_STREAM_REPLICAS), each follower current.
    await cluster.waitReplicated(STREAMS);
    expect((await cluster.replication(STREAMS)).map((r) => [r.stream, r.replicas, r.current.length])).toEqual(STREAMS.map((s) => [s, 3, 2]));
    // Their durable consumers (shared by the two instances) follow the stream: on all three nodes too.
    const consumers = await cluster.consumerPeers(STREAMS);
    expect(consumers.length).toBeGreaterThan(0);
    expect(consumers.filter((c) => c.nodes !== 3)).toEqual([]);
    note(`${STREAMS.length} streams and ${consumers.length} durable consumers, each on all 3 nodes`);

    await openAppraisalWindow(sys.api);
    await fileRecords(sys.api, month);
    const steps = ingestSteps(sys.patient, month);

    // During the ingest: the node leading TELEPHONY (the busiest stream then), and one instance of each service,
    // each at a random step after a random delay, one at a time. They stay down: the survivors carry the month.
    const ingestVictim = Object.fromEntries(SERVICE_KEYS.map((k) => [k, rng.int(0, 1)])) as Record<ServiceKey, number>;
    let downNode = -1;
    const faults: Array<{ name: string; run: () => Promise<string> }> = [
      {
        name: 'SIGKILL the NATS node leading TELEPHONY',
        run: async () => {
          downNode = await cluster.leaderOf('TELEPHONY');
          if (downNode < 0) downNode = rng.int(0, cluster.size - 1);
          await cluster.kill(downNode);
          return ` (${cluster.nameOf(downNode)})`;
        },
      },
      ...SERVICE_KEYS.map((k) => ({ name: `SIGKILL ${k}#${ingestVictim[k]}`, run: () => sys!.killInstance(k, ingestVictim[k]).then(() => '') })),
    ];
    const at = new Map<number, typeof faults>();
    for (const f of faults) {
      const i = rng.int(1, steps.length - 1);
      at.set(i, [...(at.get(i) ?? []), f]);
    }
    let controller = Promise.resolve();
    for (let i = 0; i < steps.length; i++) {
      for (const f of at.get(i) ?? []) {
        const delay = rng.int(0, 400);
        controller = controller.then(async () => {
          await pause(delay);
          const when = `ingest step ${i}/${steps.length}`;
          note(`${when}: ${f.name}${await f.run()}`);
        });
      }
      await steps[i]();
    }
    await controller;
    note('ingest answered');

    // Two NATS nodes and one instance of each service bring the month to the reference's provisional scorecards.
    const provisional = await caughtUp(sys, month, reference.provisional);
    note('provisional scorecards equal to the single-instance run, on the survivors alone');

    // Back to full strength before the close, and a majority for every stream once another node goes.
    // The cluster first: a service starting while the node rejoins may find no JetStream meta leader for its
    // stream checks and exit (a deployment would restart it; the test would wait out its deadline).
    await cluster.startNode(downNode);
    await cluster.waitHealthy();
    await cluster.waitReplicated(STREAMS);
    for (const k of SERVICE_KEYS) await sys.startInstance(k, ingestVictim[k]);
    note(`${cluster.nameOf(downNode)} and the killed instances back, every stream replicated again`);

    // During the close: the close is asked of the scoring instance that dies; the node leading SCORING and the
    // other instance of every service go with it, a random moment after the request left.
    const closeVictim = Object.fromEntries(SERVICE_KEYS.map((k) => [k, 1 - ingestVictim[k]])) as Record<ServiceKey, number>;
    const direct = new DemoApi(TEST_JWT_SECRET, () => `http://127.0.0.1:${sys!.instancePorts.scoring[closeVictim.scoring]}`);
    const leader = await cluster.leaderOf('SCORING');
    const closePath = `/v1/periods/${month.period}/close`;
    const closing = direct.post<{ finalized: number }>('scoring', closePath, PERSONAS.hr, {}).then(
      (r) => `answered before the kill: finalized ${r.finalized}`,
      (err: Error) => `lost with its instance (${err.message.slice(0, 80)})`,
    );
    const delay = rng.int(0, 300);
    await pause(delay);
    note(`close + ${delay} ms: SIGKILL ${cluster.nameOf(leader)} (leading SCORING) and ${SERVICE_KEYS.map((k) => `${k}#${closeVictim[k]}`).join(', ')}`);
    await Promise.all([cluster.kill(leader), ...SERVICE_KEYS.map((k) => sys!.killInstance(k, closeVictim[k]))]);
    note(`the close ${await closing}`);
    // Asked again of the survivor (closing is idempotent): whichever instance closed the month, it is closed once.
    const again = await sys.patient.post<{ finalized: number }>('scoring', closePath, PERSONAS.hr, {});
    note(`the close asked again of the survivor: finalized ${again.finalized}`);
    const period = await sys.patient.get<{ state: string; agents: number }>('scoring', `/v1/periods/${month.period}`, PERSONAS.hr);
    expect([period.state, period.agents]).toEqual(['closed', month.agents.length]);

    const events = await settledEvents(month, () => cluster.liveUrl());
    note(`${events.length} score events on the stream`);
    return { provisional, final: project(await cardsOf(sys, month)), events, log };
  } finally {
    await sys?.stopAll();
    await env.dispose();
    await cluster.dispose();
  }
}

describe('scale-out: a 3-node NATS cluster and two instances of every service', () => {
  const month = planSeededMonth(lastMonth(), 20261017);

  beforeAll(() => buildServicesOnce(), 420_000);

  it('loses a NATS node and an instance of each service during the ingest and the close, and ends as the single-instance run', async () => {
    const t0 = Date.now();
    const single = await singleInstanceRun(month);
    expect(single.events.map((e) => e.agentId).sort()).toEqual(month.agents.map((a) => a.agentId).sort());
    expect(single.events.every((e) => e.revision === 1)).toBe(true);
    expect(single.final).toEqual(single.provisional);
    const t1 = Date.now();

    const seed = Number(process.env.FAULT_SEED ?? Date.now() % 100_000);
    const out = await scaledOutRun(month, single, seed);
    const t2 = Date.now();
    process.stdout.write(
      `scale-out, fault seed ${seed}: ${month.agents.length} agents, ${month.calls.length} call events; single-instance run ${((t1 - t0) / 1000).toFixed(0)} s, ` +
        `scaled-out run ${((t2 - t1) / 1000).toFixed(0)} s; ${out.events.length} vs ${single.events.length} score events\n  ${out.log.join('\n  ')}\n`,
    );
    expect(out.final).toEqual(single.final);
    expect(projectEvents(out.events)).toEqual(projectEvents(single.events));
  }, 1_200_000);
});
