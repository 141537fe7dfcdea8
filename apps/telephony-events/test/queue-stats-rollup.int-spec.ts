import fc from 'fast-check';
import request from 'supertest';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import { waitFor } from '../../../tests/support/wait-for';
import type { CallFacts } from '../src/domain/facts/call-facts';
import { computeQueueStats } from '../src/domain/reports/queue-stats';
import { DEFAULT_TELEPHONY_POLICY as P } from '../src/domain/telephony-policy';
import { QueueRollupWorker } from '../src/queue-rollup/queue-rollup-worker';
import { startTelephony, type TelephonyHarness } from './telephony-harness';

/** Local midnight six days ago in the default zone: calls on days 0–4, every one in the past. */
const D0 = DateTime.now().setZone(P.timeZone).startOf('day').minus({ days: 6 });
const at = (day: number, minute: number, ms = 0) => D0.plus({ days: day, minutes: minute, milliseconds: ms }).toMillis();
const WAITS = [0, 1, 14_999, 15_000, 15_001, 20_000, 20_001, 45_000, 61_000];
/** Minutes of a day, biased to the edges of local midnight, where day and hour cuts can go wrong. */
const minute = fc.oneof(fc.constantFrom(0, 1, 59, 60, 1_439), fc.integer({ min: 0, max: 1_439 }));

type Ev = Record<string, unknown>;
const ev = (callId: string, suffix: string, type: string, ms: number, extra: Ev = {}): Ev =>
  ({ eventId: `${callId}-${suffix}`, callId, type, occurredAt: new Date(ms).toISOString(), data: {}, ...extra });

const call = fc.record({
  day: fc.integer({ min: 0, max: 4 }),
  minute,
  second: fc.integer({ min: 0, max: 59_999 }),
  queue: fc.constantFrom('sales', 'support', 'vip'),
  wait: fc.constantFrom(...WAITS),
  outcome: fc.constantFrom('answered', 'missed-then-answered', 'abandoned', 'open'),
  reason: fc.constantFrom('hangup', 'timeout', 'empty', 'key', 'withdraw'),
  agent: fc.constantFrom('A', 'B'),
  talkMs: fc.integer({ min: 1_000, max: 600_000 }),
  // What a late event re-derives, after the rollup may have summed the call's day: an arrival on the
  // day before, another queue, an answer or an abandonment.
  // Mostly none, so that a day's only change is often one call's move out of it.
  late: fc.oneof({ arbitrary: fc.constant('none'), weight: 6 }, fc.constantFrom('earlier-queued', 'other-queue', 'answered', 'abandoned')),
  earlierMs: fc.integer({ min: 1, max: 3 * 3_600_000 }),
});
type Call = typeof call extends fc.Arbitrary<infer T> ? T : never;

function eventsOf(id: string, c: Call): Ev[] {
  const t0 = at(c.day, c.minute, c.second);
  const out: Ev[] = [];
  const e = (s: string, type: string, ms: number, extra: Ev = {}) => out.push(ev(id, s, type, t0 + ms, { queue: c.queue, ...extra }));
  e('q', 'call.queued', 0);
  if (c.outcome === 'abandoned') {
    e('x', 'call.abandoned', c.wait, { data: { reason: c.reason, waitMs: c.wait } });
    return out;
  }
  if (c.outcome === 'missed-then-answered') {
    e('ob', 'call.offered', 0, { agentId: 'C' });
    e('m', 'call.missed', Math.max(0, c.wait - 1), { agentId: 'C' });
  }
  e('o', 'call.offered', Math.max(0, c.wait - 4_000), { agentId: c.agent });
  e('a', 'call.answered', c.wait, { agentId: c.agent });
  if (c.outcome === 'open') return out; // closed by the call timeout
  e('h', 'call.hold', c.wait + 1_000, { agentId: c.agent });
  e('r', 'call.resumed', c.wait + 2_000, { agentId: c.agent });
  e('e', 'call.ended', c.wait + 2_000 + c.talkMs, { agentId: c.agent, data: { endedBy: 'caller' } });
  return out;
}

function lateEventsOf(id: string, c: Call): Ev[] {
  const t0 = at(c.day, c.minute, c.second);
  switch (c.late) {
    case 'earlier-queued': // the arrival moves back across local midnight, out of a day the rollup may hold
      return [ev(id, 'q0', 'call.queued', at(c.day, 0) - c.earlierMs, { queue: c.queue })];
    case 'other-queue':
      return [ev(id, 'q0', 'call.queued', t0 - c.earlierMs, { queue: c.queue === 'sales' ? 'support' : 'sales' })];
    case 'answered':
      return [ev(id, 'a2', 'call.answered', t0 + c.wait + 500, { queue: c.queue, agentId: 'B' })];
    case 'abandoned':
      return [ev(id, 'x2', 'call.abandoned', t0 + c.wait + 500, { queue: c.queue, data: { reason: c.reason, waitMs: c.wait + 500 } })];
    default:
      return [];
  }
}

/** A window in days and minutes after D0, with or without whole days inside, one queue or all, the policy's target or another. */
const window = fc.record({
  fromDay: fc.integer({ min: -1, max: 4 }),
  fromMinute: minute,
  days: fc.integer({ min: 0, max: 6 }),
  toMinute: minute,
  queue: fc.constantFrom(undefined, 'sales', 'support'),
  targetSec: fc.constantFrom(undefined, 20, 15),
});

describe('queue statistics from the hourly rollup equal the report over the calls', () => {
  let t: TelephonyHarness;
  let worker: QueueRollupWorker;
  let run = 0;
  const stats = (query: string) => request(t.url).get(`/v1/queues/stats?${query}`).set('Authorization', `Bearer ${t.token(['supervisor'])}`);
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
  const pendingDays = async () =>
    (await t.env.query<{ d: string }>(`SELECT DISTINCT (at AT TIME ZONE $1)::date::text AS d FROM telephony.queue_call_change ORDER BY 1`, [P.timeZone])).map((r) => r.d);

  async function expectSameAsCalls(w: { fromDay: number; fromMinute: number; days: number; toMinute: number; queue?: string; targetSec?: number }) {
    const from = at(w.fromDay, w.fromMinute);
    const to = Math.max(from + 1, at(w.fromDay + w.days, w.toMinute));
    const facts = (await t.env.query<{ facts: CallFacts }>(`SELECT facts FROM telephony.call_facts`)).map((r) => r.facts);
    const q = `from=${encodeURIComponent(new Date(from).toISOString())}&to=${encodeURIComponent(new Date(to).toISOString())}&queue=${w.queue ?? ''}`;
    const res = await stats(q + (w.targetSec === undefined ? '' : `&targetSec=${w.targetSec}`));
    expect(res.status).toBe(200);
    const targetMs = w.targetSec === undefined ? P.serviceLevelTargetMs : w.targetSec * 1000;
    const inQueue = w.queue === undefined ? facts : facts.filter((f) => f.queue === w.queue);
    expect(res.body).toEqual(computeQueueStats(inQueue, { from, to, timeZone: P.timeZone, targetMs, binMs: P.waitBinMs }));
  }

  beforeAll(async () => {
    t = await startTelephony();
    worker = t.app.get(QueueRollupWorker);
    await worker.onApplicationShutdown(); // this test runs the refreshes by hand
  });
  afterAll(async () => t?.close());

  it('random calls, late events and windows: the answer is the raw one, rollup built or not', async () => {
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(call, { minLength: 1, maxLength: 20 }), fc.boolean(), fc.boolean(), fc.array(window, { minLength: 2, maxLength: 4 }),
        async (calls, refreshFirst, refreshAfterLate, windows) => {
          const ids = calls.map((_, i) => `p${run}-${i}`);
          run++;
          await post(calls.flatMap((c, i) => eventsOf(ids[i], c)));
          stored += calls.length;
          await derived(stored);
          if (refreshFirst) {
            await worker.refresh();
            expect(await pendingDays()).toEqual([]);
          }
          await post(calls.flatMap((c, i) => lateEventsOf(ids[i], c)));
          await derived(stored);
          for (const w of windows) await expectSameAsCalls(w);
          if (refreshAfterLate) {
            await worker.refresh();
            expect(await pendingDays()).toEqual([]);
            for (const w of windows) await expectSameAsCalls(w);
          }
        },
      ),
      { numRuns: 12, seed: 204 },
    );
    // The last refresh built the rollup with the policy's basis, over every day with queued calls.
    await worker.refresh();
    expect(await t.env.query(`SELECT time_zone, bin_ms, target_ms FROM telephony.queue_hour_basis`)).toEqual([
      { time_zone: P.timeZone, bin_ms: Math.round(P.waitBinMs), target_ms: P.serviceLevelTargetMs },
    ]);
    const days = await t.env.query<{ d: string }>(`SELECT DISTINCT day::text AS d FROM telephony.queue_hour_sum ORDER BY 1`);
    expect(days.length).toBeGreaterThanOrEqual(3);
  });

  it('a call whose arrival moves to the day before marks both days, and both answer as the calls do', async () => {
    await worker.refresh();
    const [{ n }] = await t.env.query<{ n: number }>(`SELECT count(*)::int AS n FROM telephony.call_facts`);
    await post([ev('move', 'q', 'call.queued', at(3, 0, 30_000), { queue: 'sales' }), ev('move', 'x', 'call.abandoned', at(3, 1), { queue: 'sales', data: { reason: 'hangup' } })]);
    await derived(n + 1);
    await worker.refresh();
    await post([ev('move', 'q0', 'call.queued', at(3, 0, -10_000), { queue: 'sales' })]);
    await waitFor(async () => (await t.env.query(`SELECT 1 FROM telephony.call_facts WHERE call_id = 'move' AND arrival_at < $1`, [new Date(at(3, 0))])).length === 1, 'the moved call');
    await derived(n + 1);
    expect(await pendingDays()).toEqual([D0.plus({ days: 2 }).toISODate(), D0.plus({ days: 3 }).toISODate()]);
    for (const w of [{ fromDay: 3, fromMinute: 0, days: 1, toMinute: 0 }, { fromDay: 1, fromMinute: 0, days: 4, toMinute: 0, queue: 'sales' }]) {
      await expectSameAsCalls(w);
      await worker.refresh();
      await expectSameAsCalls(w);
    }
  });

  it('reads whole hours from the rollup, and an hour with a pending change from the calls until it is recomputed', async () => {
    await worker.refresh();
    // Every queue (queue=) is read from the rollup's all-queue rows: the tampered ones.
    const [row] = await t.env.query<{ day: string; hour: string }>(
      `SELECT day::text AS day, to_char(hour, 'YYYY-MM-DD"T"HH24') AS hour FROM telephony.queue_hour_total ORDER BY offered DESC, day, hour LIMIT 1`,
    );
    const day = DateTime.fromISO(row.day, { zone: P.timeZone });
    await t.env.query(
      `UPDATE telephony.queue_hour_total SET offered = offered + 1000
       WHERE ctid = (SELECT ctid FROM telephony.queue_hour_total WHERE day = $1 AND to_char(hour, 'YYYY-MM-DD"T"HH24') = $2 LIMIT 1)`,
      [row.day, row.hour],
    );
    const w = `from=${day.toISODate()}&to=${day.plus({ days: 1 }).toISODate()}&queue=`;
    const offered = async (extra = '') => (await stats(w + extra)).body.overall.offered as number;
    const tampered = await offered();
    expect(tampered - (await offered('&targetSec=15'))).toBe(1000); // another target reads the calls
    await t.env.query(`INSERT INTO telephony.queue_call_change (at) VALUES ($1)`, [DateTime.fromISO(row.hour, { zone: P.timeZone }).plus({ minutes: 30 }).toJSDate()]);
    expect(tampered - (await offered())).toBe(1000);
    expect(await worker.refresh()).toBe(1);
    expect(tampered - (await offered())).toBe(1000);
  });

  it('one instance recomputes at a time: a pass finding the rollup taken skips it', async () => {
    await t.env.query(`INSERT INTO telephony.queue_call_change (at) VALUES ($1)`, [D0.plus({ days: 2 }).toJSDate()]);
    const other = new Client({ connectionString: t.env.db.url });
    await other.connect();
    try {
      await other.query(`BEGIN`);
      await other.query(`SELECT pg_advisory_xact_lock(hashtext('telephony.queue_hour_sum'))`);
      expect(await worker.refresh()).toBe(0);
      expect(await pendingDays()).toEqual([D0.plus({ days: 2 }).toISODate()]);
      await other.query(`COMMIT`);
    } finally {
      await other.end();
    }
    expect(await worker.refresh()).toBe(1);
  });
});
