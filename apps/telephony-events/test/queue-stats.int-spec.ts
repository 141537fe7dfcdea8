import request from 'supertest';
import { DateTime } from 'luxon';
import { waitFor } from '../../../tests/support/wait-for';
import type { CallFacts } from '../src/domain/facts/call-facts';
import { isCallOpen } from '../src/domain/facts/call-predicates';
import { agentStatsReport, computeAgentTotals } from '../src/domain/reports/agent-stats';
import { computeQueueStats } from '../src/domain/reports/queue-stats';
import { DEFAULT_TELEPHONY_POLICY as P } from '../src/domain/telephony-policy';
import { seededRandom } from '../src/domain/testing/call-event-builder';
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
