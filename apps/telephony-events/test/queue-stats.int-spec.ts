import fc from 'fast-check';
import request from 'supertest';
import { DateTime } from 'luxon';
import { TransactionScope } from '@app/persistence';
import { waitFor } from '../../../tests/support/wait-for';
import type { CallFacts } from '../src/domain/facts/call-facts';
import { isCallOpen } from '../src/domain/facts/call-predicates';
import { agentStatsReport, computeAgentTotals } from '../src/domain/reports/agent-stats';
import { computeQueueStats } from '../src/domain/reports/queue-stats';
import { DEFAULT_TELEPHONY_POLICY as P } from '../src/domain/telephony-policy';
import { seededRandom } from '../src/domain/testing/call-event-builder';
import { queueBasisOf, QueueRollupWorker } from '../src/queue-rollup/queue-rollup-worker';
import { QueueHourRollup } from '../src/store/queue-hour-rollup.store';
import { plannerForReports } from '../src/store/report-planner.sql';
import { asOnePage, startTelephony, type TelephonyHarness } from './telephony-harness';

/** Yesterday 00:00 in Shanghai: every call below is in the past and within the horizon. */
const BASE = DateTime.now().setZone(P.timeZone).startOf('day').minus({ days: 1 }).toMillis();
const WAITS = [0, 1, 14_999, 15_000, 15_001, 20_000, 29_999, 30_000, 45_000, 61_000];

/** 300 calls of every outcome, waits on and beside the bin edges, in two queues. */
function generatedCalls(): object[] {
  const random = seededRandom(12);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const events: object[] = [];
  for (let i = 0; i < 300; i++) {
    const callId = `g-${i}`;
    const queue = i % 3 === 0 ? 'support' : 'sales';
    const t0 = BASE + i * 277_000; // spread over the day and a bit of the next
    const at = (ms: number) => new Date(t0 + ms).toISOString();
    const e = (suffix: string, type: string, ms: number, extra: object = {}) => events.push({ eventId: `${callId}-${suffix}`, callId, type, occurredAt: at(ms), queue, data: {}, ...extra });
    e('q', 'call.queued', 0);
    const wait = pick(WAITS);
    const outcome = pick(['answered', 'answered', 'missed-then-answered', 'abandoned', 'open']);
    if (outcome === 'abandoned') {
      e('x', 'call.abandoned', wait, { data: { reason: pick(['hangup', 'timeout', 'empty', 'key']), waitMs: wait } });
      continue;
    }
    const ring = Math.floor(random() * 20_000);
    if (outcome === 'missed-then-answered') {
      e('ob', 'call.offered', 0, { agentId: 'B' });
      e('m', 'call.missed', Math.min(ring, wait), { agentId: 'B' });
    }
    e('o', 'call.offered', Math.max(0, wait - ring), { agentId: pick(['A', 'C']) });
    const agentId = (events[events.length - 1] as { agentId: string }).agentId;
    e('a', 'call.answered', wait, { agentId });
    if (outcome === 'open') continue; // closed by the call timeout
    if (random() < 0.4) {
      e('h', 'call.hold', wait + 10_000, { agentId });
      e('r', 'call.resumed', wait + 40_000, { agentId });
    }
    if (random() < 0.5) e('qa', 'call.quality', wait + 50_000, { agentId, data: { mos: 1 + Math.round(random() * 400) / 100, jitterMs: 5, packetLossPct: 0 } });
    e('e', 'call.ended', wait + 120_000, { agentId, data: { endedBy: 'caller' } });
    if (random() < 0.6) e('w', 'call.wrapup.ended', wait + 150_000, { agentId });
    if (random() < 0.5) e('rt', 'call.rated', wait + 160_000, { data: { rating: pick(['excellent', 'good', 'fair', 'poor']) } });
  }
  return events;
}

describe('queue statistics in SQL equal the in-memory report on the same facts', () => {
  let t: TelephonyHarness;
  let facts: CallFacts[];
  const stats = (query: string) => request(t.url).get(`/v1/queues/stats?${query}`).set('Authorization', `Bearer ${t.token(['supervisor'])}`);
  const from = new Date(BASE).toISOString();
  const to = new Date(BASE + 2 * 86_400_000).toISOString();

  beforeAll(async () => {
    t = await startTelephony();
    const events = generatedCalls();
    for (let i = 0; i < events.length; i += 1_000) {
      await request(t.url).post('/v1/call-events').set('Authorization', `Bearer ${t.token()}`).send(events.slice(i, i + 1_000)).expect(202);
    }
    facts = await waitFor(async () => {
      const rows = await t.env.query<{ facts: CallFacts }>(`SELECT facts FROM telephony.call_facts`);
      const dirty = await t.env.query(`SELECT 1 FROM telephony.call_dirty`);
      return rows.length === 300 && dirty.length === 0 ? rows.map((r) => r.facts) : null;
    }, 'all 300 calls derived');
  });
  afterAll(async () => t?.close());

  it('for every queue (queue= empty means all), overall, by day, by hour, with wait bins', async () => {
    const res = await stats(`from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&queue=`);
    expect(res.status).toBe(200);
    const expected = computeQueueStats(facts, { from: BASE, to: BASE + 2 * 86_400_000, timeZone: P.timeZone, targetMs: P.serviceLevelTargetMs, binMs: P.waitBinMs });
    expect(res.body).toEqual(expected);
    expect(res.body.overall.offered).toBe(300);
    expect(res.body.overall.waitDistribution.length).toBeGreaterThanOrEqual(5); // 61 s → bin (60, 75]
    expect(res.body.from).toMatch(/\+08:00$/);
  });

  it('for one queue, with another target', async () => {
    const res = await stats(`from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&queue=support&targetSec=15`);
    expect(res.status).toBe(200);
    const support = facts.filter((f) => f.queue === 'support');
    expect(res.body).toEqual(computeQueueStats(support, { from: BASE, to: BASE + 2 * 86_400_000, timeZone: P.timeZone, targetMs: 15_000, binMs: P.waitBinMs }));
    expect(res.body.overall.offered).toBe(100);
  });

  it('answers an empty window with zeros and nulls, and refuses a bad one', async () => {
    const res = await stats('from=2026-01-01&to=2026-01-02');
    expect(res.body.overall).toMatchObject({ offered: 0, averageSpeedOfAnswerMs: null, waitDistribution: [], answeredWithin: [] });
    expect(res.body.from).toBe('2026-01-01T00:00:00.000+08:00');
    const long = await stats('from=2026-01-01&to=2026-06-01');
    expect(long.status).toBe(400);
    expect(long.body.error).toBe('TELEPHONY.WINDOW_TOO_LONG');
  });

  it('turns the sort and JIT off for the statistics\' transaction only', async () => {
    const runner = t.app.get(TransactionScope).dataSource.createQueryRunner();
    await runner.connect();
    try {
      const settings = async () => (await runner.query(`SELECT current_setting('enable_sort') AS sort, current_setting('jit') AS jit`))[0];
      const before = await settings();
      await runner.startTransaction();
      await plannerForReports(runner.manager);
      expect(await settings()).toEqual({ sort: 'off', jit: 'off' });
      await runner.commitTransaction();
      expect(await settings()).toEqual(before); // the same connection, back in the pool as it was
      expect(before.sort).toBe('on');
    } finally {
      await runner.release();
    }
  });

  it('per-agent statistics in SQL equal the in-memory ones, for all queues and for one', async () => {
    // An admin reaches every agent (a supervisor their own teams: team-scope.int-spec.ts).
    const agents = (query: string) => request(t.url).get(`/v1/agents/stats?${query}`).set('Authorization', `Bearer ${t.token(['admin'])}`);
    const window = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    const options = { from: DateTime.fromMillis(BASE, { zone: P.timeZone }).toISO()!, to: DateTime.fromMillis(BASE + 2 * 86_400_000, { zone: P.timeZone }).toISO()!, timeZone: P.timeZone, binMs: P.waitBinMs };
    const all = await agents(window);
    expect(all.status).toBe(200);
    expect(all.body).toEqual(asOnePage(agentStatsReport(computeAgentTotals(facts, BASE, BASE + 2 * 86_400_000, P.waitBinMs), options)));
    expect(all.body.items.map((a: { agentId: string }) => a.agentId)).toEqual(['A', 'B', 'C']);
    // Legs of finished calls: run just after midnight, the last 'open' calls of yesterday are still within the call timeout.
    const legs = facts.filter((f) => !isCallOpen(f)).reduce((n, f) => n + f.legs.length, 0);
    expect(all.body.items.reduce((n: number, a: { offered: number }) => n + a.offered, 0)).toBe(legs);
    const b = all.body.items[1];
    expect(b).toMatchObject({ answered: 0, talk: { totalMs: 0, averageMs: null } });
    expect(b.ringNoAnswer).toBe(b.offered); // B only ever misses
    const support = await agents(`${window}&queue=support`);
    expect(support.body).toEqual(asOnePage(agentStatsReport(computeAgentTotals(facts, BASE, BASE + 2 * 86_400_000, P.waitBinMs, 'support'), options)));
    // Two a page: the same rows, and every page shows the window's wait bins (not only its own agents').
    const first = await agents(`${window}&limit=2`);
    expect(first.body.items.map((a: { agentId: string }) => a.agentId)).toEqual(['A', 'B']);
    const second = await agents(`${window}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toEqual({ ...options, items: [all.body.items[2]], nextCursor: null });
    expect(first.body.items).toEqual(all.body.items.slice(0, 2));
    expect((await request(t.url).get(`/v1/agents/stats?${window}`).set('Authorization', `Bearer ${t.token(['qa'])}`)).status).toBe(403);
  });
});

/**
 * The rollup answers by local hour: the pieces a window's edges cut, and the hours with a pending change,
 * are read from the calls; the rest from the rollup. In the policy's zone and in one with a half-hour
 * offset and a DST change (Adelaide: a 23- or 25-hour day stays one piece), whatever the window's edges.
 */
describe('queue statistics read by local hour from the rollup equal the report over the calls', () => {
  const ADELAIDE = 'Australia/Adelaide';
  let t: TelephonyHarness;
  let worker: QueueRollupWorker;
  let run = 0;
  let stored = 0;
  const stats = (query: string) => request(t.url).get(`/v1/queues/stats?${query}`).set('Authorization', `Bearer ${t.token(['supervisor'])}`);
  const post = async (events: object[]) => {
    for (let i = 0; i < events.length; i += 1_000) {
      await request(t.url).post('/v1/call-events').set('Authorization', `Bearer ${t.token()}`).send(events.slice(i, i + 1_000)).expect(202);
    }
  };
  const derived = () =>
    waitFor(async () => {
      const [r] = await t.env.query<{ n: number; dirty: boolean }>(
        `SELECT (SELECT count(*)::int FROM telephony.call_facts) AS n, EXISTS (SELECT 1 FROM telephony.call_dirty) AS dirty`,
      );
      return r.n === stored && !r.dirty;
    }, `${stored} calls derived`);
  /** Rebuilds the rollup with the policy's basis and stops there, before any day is recomputed. */
  const rebuildOnly = async (timeZone: string) => {
    const rollup = t.app.get(QueueHourRollup);
    await t.app.get(TransactionScope).run(() => rollup.rebuild(queueBasisOf({ ...P, timeZone })));
  };

  /** The most recent local day of `zone` not 24 hours long with three days after it in the past (Adelaide has two a year). */
  function lastTransitionDay(zone: string): DateTime {
    let d = DateTime.now().setZone(zone).startOf('day').minus({ days: 4 });
    while (d.plus({ days: 1 }).diff(d, 'hours').hours === 24) d = d.minus({ days: 1 });
    return d;
  }

  beforeAll(async () => {
    t = await startTelephony();
    worker = t.app.get(QueueRollupWorker);
    await worker.onApplicationShutdown(); // this test runs the refreshes by hand
  });
  afterAll(async () => t?.close());

  /** Calls on days 0–4 after `d0`, at any millisecond, late events moving some; windows with edges anywhere. */
  async function checkZone(zone: string, d0: DateTime, numRuns: number) {
    const at = (day: number, ms: number) => d0.plus({ days: day }).toMillis() + ms;
    const call = fc.record({
      day: fc.integer({ min: 0, max: 4 }),
      ms: fc.oneof(fc.constantFrom(0, 1_800_000, 3_599_999, 3_600_000, 86_399_999), fc.integer({ min: 0, max: 86_399_999 })),
      queue: fc.constantFrom('sales', 'support'),
      wait: fc.constantFrom(...WAITS),
      outcome: fc.constantFrom('answered', 'abandoned', 'open'),
      lateMs: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, fc.integer({ min: 1, max: 5 * 3_600_000 })),
    });
    const window = fc.record({
      fromDay: fc.integer({ min: -1, max: 4 }),
      fromMs: fc.oneof(fc.constantFrom(0, 1_800_000, 3_600_000), fc.integer({ min: 0, max: 86_399_999 })),
      days: fc.integer({ min: 0, max: 6 }),
      toMs: fc.oneof(fc.constantFrom(0, 1_800_000, 3_600_000), fc.integer({ min: 0, max: 86_399_999 })),
      queue: fc.constantFrom(undefined, 'sales'),
    });
    type Call = typeof call extends fc.Arbitrary<infer C> ? C : never;
    const eventsOf = (id: string, c: Call, late: boolean): object[] => {
      const t0 = at(c.day, c.ms);
      const e = (s: string, type: string, ms: number, extra: object = {}) => ({ eventId: `${id}-${s}`, callId: id, type, occurredAt: new Date(t0 + ms).toISOString(), queue: c.queue, data: {}, ...extra });
      // Late: an earlier arrival, into another hour (or day) than the one the rollup may have summed it in.
      if (late) return c.lateMs === 0 ? [] : [e('q0', 'call.queued', -c.lateMs)];
      if (c.outcome === 'abandoned') return [e('q', 'call.queued', 0), e('x', 'call.abandoned', c.wait, { data: { reason: 'hangup', waitMs: c.wait } })];
      const answered = [e('q', 'call.queued', 0), e('o', 'call.offered', Math.max(0, c.wait - 3_000), { agentId: 'A' }), e('a', 'call.answered', c.wait, { agentId: 'A' })];
      return c.outcome === 'open' ? answered : [...answered, e('e', 'call.ended', c.wait + 60_000, { agentId: 'A', data: { endedBy: 'caller' } })];
    };
    const expectSameAsCalls = async (w: { fromDay: number; fromMs: number; days: number; toMs: number; queue?: string }) => {
      const from = at(w.fromDay, w.fromMs);
      const to = Math.max(from + 1, at(w.fromDay + w.days, w.toMs));
      const facts = (await t.env.query<{ facts: CallFacts }>(`SELECT facts FROM telephony.call_facts`)).map((r) => r.facts);
      const res = await stats(`from=${encodeURIComponent(new Date(from).toISOString())}&to=${encodeURIComponent(new Date(to).toISOString())}&queue=${w.queue ?? ''}`);
      expect(res.status).toBe(200);
      const inQueue = w.queue === undefined ? facts : facts.filter((f) => f.queue === w.queue);
      expect(res.body).toEqual(computeQueueStats(inQueue, { from, to, timeZone: zone, targetMs: P.serviceLevelTargetMs, binMs: P.waitBinMs }));
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(call, { minLength: 1, maxLength: 15 }), fc.constantFrom('none', 'refresh', 'rebuild-only'), fc.array(window, { minLength: 2, maxLength: 4 }),
        async (calls, before, windows) => {
          const ids = calls.map((_, i) => `${zone}-${run}-${i}`);
          run++;
          await post(calls.flatMap((c, i) => eventsOf(ids[i], c, false)));
          stored += calls.length;
          await derived();
          if (before === 'refresh') await worker.refresh();
          await post(calls.flatMap((c, i) => eventsOf(ids[i], c, true)));
          await derived();
          if (before === 'rebuild-only') await rebuildOnly(zone);
          for (const w of windows) await expectSameAsCalls(w); // some hours pending, some rolled
          await worker.refresh();
          for (const w of windows) await expectSameAsCalls(w); // every hour rolled
        },
      ),
      { numRuns, seed: 2026 },
    );
  }

  it('in the policy zone (Asia/Shanghai)', async () => {
    await checkZone(P.timeZone, DateTime.now().setZone(P.timeZone).startOf('day').minus({ days: 6 }), 10);
  });

  it('an hour with a pending change is read from the calls, the other hours of its day from the rollup, until it is recomputed', async () => {
    await worker.refresh();
    // Every queue (queue=) is read from the rollup's all-queue rows: the tampered ones.
    const [row] = await t.env.query<{ day: string; hour: string }>(
      `SELECT day::text AS day, to_char(hour, 'YYYY-MM-DD"T"HH24') AS hour FROM telephony.queue_hour_total ORDER BY offered DESC, day, hour LIMIT 1`,
    );
    const day = DateTime.fromISO(row.day, { zone: P.timeZone });
    const hour = DateTime.fromISO(row.hour, { zone: P.timeZone });
    await t.env.query(
      `UPDATE telephony.queue_hour_total SET offered = offered + 1000 WHERE ctid = (SELECT ctid FROM telephony.queue_hour_total WHERE day = $1 AND to_char(hour, 'YYYY-MM-DD"T"HH24') = $2 LIMIT 1)`,
      [row.day, row.hour],
    );
    const offered = async () => (await stats(`from=${day.toISODate()}&to=${day.plus({ days: 1 }).toISODate()}&queue=`)).body.overall.offered as number;
    const tampered = await offered();
    const note = (at: DateTime) => t.env.query(`INSERT INTO telephony.queue_call_change (at) VALUES ($1)`, [at.toJSDate()]);
    await note(hour.plus({ hours: hour.hour === 23 ? -1 : 1, minutes: 15 })); // another hour of the day: still from the rollup
    expect(await offered()).toBe(tampered);
    await note(hour.plus({ minutes: 45 })); // the tampered hour: from the calls
    expect(tampered - (await offered())).toBe(1000);
    expect(await worker.refresh()).toBe(1); // one day, two of its hours recomputed
    expect(tampered - (await offered())).toBe(1000);
  });

  it('in a zone with a half-hour offset, over a change of daylight saving time (Australia/Adelaide)', async () => {
    const version = 'adelaide';
    await t.js.publish('scoring.policy.activated', { policyVersion: version, effectiveFrom: '2026-10', telephony: { timeZone: ADELAIDE } }, `policy-${version}`);
    await waitFor(async () => (await stats('from=2026-01-01&to=2026-01-02')).body.timeZone === ADELAIDE, 'the policy in Adelaide');
    const transition = lastTransitionDay(ADELAIDE);
    expect(transition.plus({ days: 1 }).diff(transition, 'hours').hours).not.toBe(24);
    await checkZone(ADELAIDE, transition.minus({ days: 2 }), 10);
  });
});
