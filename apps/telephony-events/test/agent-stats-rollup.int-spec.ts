import request from 'supertest';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import { sleep, waitFor } from '../../../tests/support/wait-for';
import { AgentRollupWorker } from '../src/agent-rollup/agent-rollup-worker';
import type { CallFacts } from '../src/domain/facts/call-facts';
import { agentStatsReport, computeAgentTotals } from '../src/domain/reports/agent-stats';
import { DEFAULT_TELEPHONY_POLICY as P } from '../src/domain/telephony-policy';
import { seededRandom } from '../src/domain/testing/call-event-builder';
import { asOnePage, startTelephony, type TelephonyHarness } from './telephony-harness';

/** Local midnight five days ago in the default zone: five whole days of calls, all in the past. */
const D0 = DateTime.now().setZone(P.timeZone).startOf('day').minus({ days: 5 });
const day = (n: number) => D0.plus({ days: n });
const WAITS = [0, 1, 14_999, 15_000, 15_001, 29_999, 45_000, 61_000];

type Ev = Record<string, unknown>;
const ev = (callId: string, suffix: string, type: string, at: number, extra: Ev = {}): Ev =>
  ({ eventId: `${callId}-${suffix}`, callId, type, occurredAt: new Date(at).toISOString(), data: {}, ...extra });

/** Calls of every outcome every 25 minutes from `start`, in two queues and three agents. */
function calls(prefix: string, start: number, n: number, seed: number): Ev[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const out: Ev[] = [];
  for (let i = 0; i < n; i++) {
    const id = `${prefix}-${i}`;
    const t0 = start + i * 1_500_000;
    const queue = i % 3 === 0 ? 'support' : 'sales';
    const e = (s: string, type: string, ms: number, extra: Ev = {}) => out.push(ev(id, s, type, t0 + ms, { queue, ...extra }));
    const wait = pick(WAITS);
    e('q', 'call.queued', 0);
    if (random() < 0.1) {
      e('x', 'call.abandoned', wait, { data: { reason: 'hangup', waitMs: wait } });
      continue;
    }
    if (random() < 0.3) {
      e('ob', 'call.offered', 0, { agentId: 'B' });
      e('m', 'call.missed', wait, { agentId: 'B' });
    }
    const agentId = pick(['A', 'C']);
    e('o', 'call.offered', Math.max(0, wait - 5_000), { agentId });
    e('a', 'call.answered', wait, { agentId });
    if (random() < 0.4) e('h', 'call.hold', wait + 10_000, { agentId });
    if (random() < 0.4) e('r', 'call.resumed', wait + 40_000, { agentId });
    e('qa', 'call.quality', wait + 50_000, { agentId, data: { mos: 1 + Math.round(random() * 400) / 100, jitterMs: 5, packetLossPct: 0 } });
    e('e', 'call.ended', wait + 120_000, { agentId, data: { endedBy: 'caller' } });
    e('w', 'call.wrapup.ended', wait + 150_000, { agentId });
    if (random() < 0.5) e('rt', 'call.rated', wait + 160_000, { data: { rating: pick(['excellent', 'good', 'fair', 'poor']) } });
  }
  return out;
}

/** Legs on both sides of local midnights; `move` is answered just after D3 began, its offer comes late. */
function edgeCalls(): Ev[] {
  const one = (id: string, at: number, agentId: string) => [
    ev(id, 'o', 'call.offered', at, { queue: 'sales', agentId }),
    ev(id, 'a', 'call.answered', at + 3_000, { queue: 'sales', agentId }),
    ev(id, 'e', 'call.ended', at + 60_000, { queue: 'sales', agentId, data: { endedBy: 'agent' } }),
  ];
  const d3 = day(3).toMillis();
  return [
    ...one('edge-midnight', day(2).toMillis(), 'A'),
    ...one('edge-before', day(2).toMillis() - 1, 'C'),
    ev('move', 'q', 'call.queued', d3 - 30_000, { queue: 'sales' }),
    ev('move', 'a', 'call.answered', d3 + 10_000, { queue: 'sales', agentId: 'A' }),
    ev('move', 'e', 'call.ended', d3 + 120_000, { queue: 'sales', agentId: 'A', data: { endedBy: 'caller' } }),
  ];
}

describe('agent statistics from the daily rollup equal the sums over raw legs', () => {
  let t: TelephonyHarness;
  let worker: AgentRollupWorker;
  // The figures, not who reads them: an admin reaches every agent (a supervisor their own teams: team-scope.int-spec.ts).
  const supervisor = () => `Bearer ${t.token(['admin'])}`;
  const post = async (events: Ev[]) => {
    for (let i = 0; i < events.length; i += 1_000) {
      await request(t.url).post('/v1/call-events').set('Authorization', `Bearer ${t.token()}`).send(events.slice(i, i + 1_000)).expect(202);
    }
  };
  const derived = (calls: number) =>
    waitFor(async () => {
      const [r] = await t.env.query<{ n: number; dirty: boolean }>(
        `SELECT (SELECT count(*)::int FROM telephony.call_facts) AS n, EXISTS (SELECT 1 FROM telephony.call_dirty) AS dirty`,
      );
      return r.n === calls && !r.dirty;
    }, `${calls} calls derived`);
  const pendingDays = async (zone = P.timeZone) =>
    (await t.env.query<{ d: string }>(`SELECT DISTINCT (at AT TIME ZONE $1)::date::text AS d FROM telephony.agent_leg_change ORDER BY 1`, [zone])).map((r) => r.d);
  const basis = async () => (await t.env.query(`SELECT time_zone, bin_ms FROM telephony.agent_leg_basis`))[0];

  /** Windows with and without whole days, partial edge days, a midnight edge and one queue. */
  const windows = () => [
    { from: day(1), to: day(4) },
    { from: day(0).plus({ hours: 13, minutes: 17 }), to: day(3).plus({ hours: 9, minutes: 5 }) },
    { from: day(2).plus({ hours: 2 }), to: day(2).plus({ hours: 20 }) },
    { from: day(2), to: day(3).plus({ milliseconds: 1 }) },
    { from: day(-1), to: day(6) },
    { from: day(0).plus({ minutes: 30 }), to: day(4), queue: 'support' },
  ];

  /** Every window's answer equals the in-memory report over the stored facts, with the current policy. */
  async function expectSameAsRawLegs(zone = P.timeZone, binMs = P.waitBinMs): Promise<void> {
    const facts = (await t.env.query<{ facts: CallFacts }>(`SELECT facts FROM telephony.call_facts`)).map((r) => r.facts);
    for (const w of windows()) {
      const [from, to] = [w.from.toMillis(), w.to.toMillis()];
      const res = await request(t.url)
        .get(`/v1/agents/stats?from=${encodeURIComponent(w.from.toISO()!)}&to=${encodeURIComponent(w.to.toISO()!)}&queue=${w.queue ?? ''}`)
        .set('Authorization', supervisor());
      expect(res.status).toBe(200);
      const options = { from: DateTime.fromMillis(from, { zone }).toISO()!, to: DateTime.fromMillis(to, { zone }).toISO()!, timeZone: zone, binMs };
      expect(res.body).toEqual(asOnePage(agentStatsReport(computeAgentTotals(facts, from, to, binMs, w.queue), options)));
    }
  }

  beforeAll(async () => {
    t = await startTelephony();
    worker = t.app.get(AgentRollupWorker);
    await worker.onApplicationShutdown(); // this test runs the refreshes by hand
    await post([...calls('g', day(0).toMillis() + 60_000, 260, 7), ...edgeCalls()]);
    await derived(263);
  });
  afterAll(async () => t?.close());

  it('builds every day with legs, and answers from it what raw legs answer', async () => {
    expect(await worker.refresh()).toBeGreaterThanOrEqual(5);
    expect(await pendingDays()).toEqual([]);
    expect(await basis()).toEqual({ time_zone: P.timeZone, bin_ms: P.waitBinMs });
    const days = await t.env.query<{ d: string; offered: number }>(`SELECT day::text AS d, sum(offered)::int AS offered FROM telephony.agent_leg_day GROUP BY day ORDER BY day`);
    expect(days.map((r) => r.d)).toEqual([0, 1, 2, 3, 4].map((n) => day(n).toISODate()));
    expect(days.find((r) => r.d === day(2).toISODate())!.offered).toBeGreaterThan(50);
    await expectSameAsRawLegs();
  });

  it('reads whole days from the rollup, and a day with a pending change from its legs until it is recomputed', async () => {
    const d1 = day(1).toISODate();
    await t.env.query(`UPDATE telephony.agent_leg_day SET offered = offered + 1000 WHERE day = $1 AND agent_id = 'A' AND queue = 'sales' AND bin = 0`, [d1]);
    const w = `from=${day(1).toISODate()}&to=${day(2).toISODate()}`;
    const offeredByA = async () =>
      (await request(t.url).get(`/v1/agents/stats?${w}`).set('Authorization', supervisor())).body.items.find((a: { agentId: string }) => a.agentId === 'A').offered;
    const tampered = await offeredByA();
    await t.env.query(`INSERT INTO telephony.agent_leg_change (at) VALUES ($1)`, [day(1).plus({ hours: 12 }).toJSDate()]);
    expect(tampered - (await offeredByA())).toBe(1000);
    expect(await worker.refresh()).toBe(1);
    expect(tampered - (await offeredByA())).toBe(1000);
    await expectSameAsRawLegs();
  });

  it('new calls mark their day, which legs answer until the worker recomputes it', async () => {
    await post(calls('late', day(2).plus({ hours: 3 }).toMillis(), 20, 8));
    await derived(283);
    expect(await pendingDays()).toEqual([day(2).toISODate()]);
    await expectSameAsRawLegs();
    expect(await worker.refresh()).toBe(1);
    expect(await pendingDays()).toEqual([]);
    await expectSameAsRawLegs();
  });

  it('a re-derived call whose leg moves to the day before marks both days', async () => {
    await post([ev('move', 'o', 'call.offered', day(3).toMillis() - 10_000, { queue: 'sales', agentId: 'A' })]);
    const leg = await waitFor(async () => {
      const [r] = await t.env.query<{ at: Date }>(`SELECT at FROM telephony.call_leg WHERE call_id = 'move'`);
      return r && r.at.getTime() < day(3).toMillis() ? r : null;
    }, 'the moved leg');
    expect(leg.at.getTime()).toBe(day(3).toMillis() - 10_000);
    expect(await pendingDays()).toEqual([day(2).toISODate(), day(3).toISODate()]);
    await expectSameAsRawLegs();
    expect(await worker.refresh()).toBe(2);
    await expectSameAsRawLegs();
  });

  it('one instance recomputes at a time: a pass finding the rollup taken skips it', async () => {
    await t.env.query(`INSERT INTO telephony.agent_leg_change (at) VALUES ($1)`, [day(4).toJSDate()]);
    const other = new Client({ connectionString: t.env.db.url });
    await other.connect();
    try {
      await other.query(`BEGIN`);
      await other.query(`SELECT pg_advisory_xact_lock(hashtext('telephony.agent_leg_day'))`);
      expect(await worker.refresh()).toBe(0);
      expect(await pendingDays()).toEqual([day(4).toISODate()]);
      await other.query(`COMMIT`);
    } finally {
      await other.end();
    }
    expect(await worker.refresh()).toBe(1);
  });

  it('after a change of wait bin or time zone, raw legs answer until the rollup is rebuilt with them', async () => {
    for (const [version, telephony] of [['bins-10s', { waitBinMs: 10_000 }], ['utc', { waitBinMs: 10_000, timeZone: 'UTC' }]] as const) {
      await t.js.publish('scoring.policy.activated', { policyVersion: version, effectiveFrom: '2026-10', telephony }, `policy-${version}`);
      await waitFor(async () => (await t.env.query(`SELECT 1 FROM telephony.policy_copy WHERE policy_version = $1`, [version])).length === 1, 'the policy copy');
      await sleep(2_100); // the policy cache
      const zone = 'timeZone' in telephony ? telephony.timeZone : P.timeZone;
      await expectSameAsRawLegs(zone, 10_000);
      expect(await basis()).not.toEqual({ time_zone: zone, bin_ms: 10_000 });
      expect(await worker.refresh()).toBeGreaterThanOrEqual(5);
      expect(await basis()).toEqual({ time_zone: zone, bin_ms: 10_000 });
      expect(await pendingDays(zone)).toEqual([]);
      await expectSameAsRawLegs(zone, 10_000);
    }
    const utcDays = await t.env.query<{ d: string }>(`SELECT DISTINCT day::text AS d FROM telephony.agent_leg_day ORDER BY 1`);
    expect(utcDays[0].d).toBe(day(0).setZone('UTC').toISODate()); // Shanghai's D0 begins the UTC day before
  });
});
