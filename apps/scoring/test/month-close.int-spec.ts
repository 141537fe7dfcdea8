import type { ScoreEvent } from '@app/contracts';
import { encodeCursor } from '@app/platform';
import { sleep, waitFor } from '../../../tests/support/wait-for';
import { agent, appraisal, call, day, evaluation } from './facts';
import request from 'supertest';
import { startScoring, startSecondInstance, type ScoringHarness } from './scoring-harness';

/**
 * October 2026, worked out by hand:
 * - A1 (regular): appraisal 30 + 28; QA 90% and 80% → 4.25; knowledge 5; 3 good of 4 rated → 7.5;
 *   HR 10 − 5 (late 38 min) − 2 (a 150 s hold) = 3 → 77.75, pass. Ring violation (18 s): first offence,
 *   a 0-yuan warning, and it bars the awards. Pay 1100 + 400 = 1500.
 * - A2 (regular): appraisal 35 + 35, one rostered day present, nothing else → 100, excellent, rank 1: promoted to one-star; pay
 *   1100 + 400 + 100 full attendance + 100 service star = 1700.
 * - A3 (trainee): no October appraisal; forced, September's 20 + 20 carries over → 70, rank 2: 1100 + 50.
 */
describe('scoring: facts in, month close, exactly one finalized event per agent (real NATS, real PostgreSQL)', () => {
  let t: ScoringHarness;

  beforeAll(async () => {
    t = await startScoring();
    await t.feed(agent('A1', 'regular'), agent('A2', 'regular'), agent('A3', 'trainee'));
    await t.feed(
      call('c0', 'A1', '2026-09-30T16:10:00.000Z'), // 00:10 on 1 October in Shanghai: October
      call('c1', 'A1', '2026-10-05T01:00:00.000Z', { rating: 'excellent' }),
      call('c2', 'A1', '2026-10-06T01:00:00.000Z', { rating: 'good', holdMs: 150_000, longestHoldMs: 150_000, holdCount: 1 }),
      call('c3', 'A1', '2026-10-07T01:00:00.000Z', { rating: 'fair' }),
      call('c4', 'A1', '2026-10-08T01:00:00.000Z', { rating: 'poor', ringMs: 18_000, rings: 4 }),
      call('c5', 'A1', '2026-10-31T16:30:00.000Z', { rating: 'poor', ringMs: 30_000 }), // 00:30 on 1 November: not October
      evaluation('e1', 'A1', 90, '2026-10-10T02:00:00Z'),
      evaluation('e2', 'A1', 80, '2026-10-11T02:00:00Z'),
      appraisal('A1', '2026-10', 30, 28),
      appraisal('A2', '2026-10', 35, 35),
      appraisal('A3', '2026-09', 20, 20),
      day('A1', '2026-10-03', { lateMinutes: 38 }),
      day('A1', '2026-10-04'),
      day('A2', '2026-10-04'), // full attendance needs a rostered day on record
    );
    // c3 is re-published with a higher version (rated good after all); then an old copy of v1 and of c2 arrive again.
    await t.feed(call('c3', 'A1', '2026-10-07T01:00:00.000Z', { rating: 'good' }, 2));
    await t.feed({ ...call('c3', 'A1', '2026-10-07T01:00:00.000Z', { rating: 'fair' }), msgId: 'replayed-c3-v1' }, { ...call('c2', 'A1', '2026-10-06T01:00:00.000Z'), msgId: 'replayed-c2-v1' });
  }, 60_000);
  afterAll(async () => t?.close());

  it('shows provisional scorecards from the facts so far, every figure traceable', async () => {
    const res = await t.get('/v1/scorecards/A1/2026-10').expect(200);
    const c = res.body;
    expect(c).toMatchObject({ status: 'provisional', revision: null, agentId: 'A1', total: 77.75, grade: 'pass', policyVersion: 'default-1' });
    expect(c.components.map((x: { id: string; score: number }) => [x.id, x.score])).toEqual([
      ['attitude', 30], ['capability', 28], ['professionalism', 4.25], ['knowledge', 5], ['satisfaction', 7.5], ['hr', 3],
    ]);
    expect(c.kpis).toMatchObject({
      offered: { value: 5, calls: 'offered' }, answered: { value: 5 }, ringViolations: { value: 1 }, longHolds: { value: 1 }, rated: { value: 4 },
      goodRatePct: { value: 75 }, qaEvaluations: { value: 2 }, qaAveragePct: { value: 85 }, lateArrivals: { value: 1 }, fullAttendance: { value: 0 },
      deductionPoints: { value: 7 }, avgTalkMs: { value: 60_000 }, avgHandleMs: { value: 100_000 },
    });
    expect(c.deductions.items.map((i: { reason: string }) => i.reason)).toEqual(['HR −5: 迟到 38 分钟 / late 38 min, 2026-10-03', 'HR −2: 长时间搁置电话 150 秒 / long hold 150 s, 2026-10-06']);
    expect(c.deductions.items[0].inputIds).toEqual(['day-A1-2026-10-03-v1']);
    expect(c.pay.lines.map((l: { code: string; amount: number }) => `${l.code}:${l.amount}`)).toEqual(['BASE:1100', 'APPRAISAL_PAY:400', 'RING_UNANSWERED:0']);
    expect(c.pay.lines[2]).toMatchObject({ inputIds: ['c4'], warning: true });
    const page = await t.get('/v1/scorecards/A1/2026-10/calls?kpi=ringViolations').expect(200);
    expect(page.body).toEqual({ agentId: 'A1', period: '2026-10', kpi: 'ringViolations', total: 1, items: ['c4'], nextCursor: null });
  });

  it('pages the call ids behind a KPI in the order offered, by cursor', async () => {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await t.get(`/v1/scorecards/A1/2026-10/calls?kpi=offered&limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
      expect(res.body.total).toBe(5);
      pages.push(res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor !== null);
    expect(pages).toEqual([['c0', 'c1'], ['c2', 'c3'], ['c4']]);
    // Another list's cursor, and one whose call id PostgreSQL could not take: 400 before any query.
    for (const key of [['x'], [1, 'c\u0000', 0]]) {
      const stranger = await t.get(`/v1/scorecards/A1/2026-10/calls?kpi=offered&cursor=${encodeCursor(key)}`);
      expect([stranger.status, stranger.body.error]).toEqual([400, 'REQUEST.INVALID_CURSOR']);
    }
    const bad = await t.get(`/v1/scorecards?period=2026-10&cursor=${encodeCursor(['', 'A\u0000'])}`, ['hr']);
    expect([bad.status, bad.body.error]).toEqual([400, 'REQUEST.INVALID_CURSOR']);
    expect((await t.get('/v1/scorecards/A1/2026-10/calls?kpi=offered&limit=1001')).status).toBe(400);
  });

  it("pages the open month by agent id: each card once, ranked among everyone as in the whole month's list", async () => {
    const whole = (await t.get('/v1/scorecards?period=2026-10', ['hr']).expect(200)).body;
    expect(whole).toMatchObject({ period: '2026-10', nextCursor: null });
    expect(whole.items.map((c: { agentId: string; status: string }) => `${c.agentId}:${c.status}`)).toEqual(['A1:provisional', 'A2:provisional', 'A3:provisional']);
    const walked: unknown[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await t.get(`/v1/scorecards?period=2026-10&limit=1${cursor ? `&cursor=${cursor}` : ''}`, ['hr']).expect(200);
      expect(res.body.items).toHaveLength(1);
      walked.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor !== null);
    // Pages after the first read their own people's facts only, ranked by the first page's standings: the same cards.
    expect(walked).toEqual(whole.items);
    expect((whole.items as Array<{ rank: number | null }>).map((c) => c.rank)).toEqual([2, 1, 3]);
  });

  it('lets an agent read their own scorecard only; an unknown agent is a 404 with a stable code', async () => {
    await t.get('/v1/scorecards/A1/2026-10', ['agent'], 'A1').expect(200);
    const other = await t.get('/v1/scorecards/A2/2026-10', ['agent'], 'A1');
    expect(other.status).toBe(403);
    await t.get('/v1/scorecards?period=2026-10', ['agent'], 'A1').expect(403);
    const unknown = await t.get('/v1/scorecards/NOBODY/2026-10', ['hr']);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('SCORING.AGENT_UNKNOWN');
    // To a supervisor, someone the directory does not know is outside their teams (team-scope.int-spec.ts).
    expect((await t.get('/v1/scorecards/NOBODY/2026-10')).body.error).toBe('AUTH.OUTSIDE_YOUR_TEAM');
    const bad = await t.get('/v1/scorecards/A1/2026-13');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'REQUEST.INVALID_PERIOD', details: [{ path: 'period', message: expect.stringContaining('yyyy-mm') }] });
  });

  it('refuses to close with agents missing an appraisal, and a month that has not ended', async () => {
    const res = await t.post('/v1/periods/2026-10/close', {});
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'SCORING.APPRAISALS_MISSING', missingAppraisals: ['A3'], details: [{ path: 'missingAppraisals[0]', message: 'A3' }] });
    expect((await t.get('/v1/periods/2026-10').expect(200)).body).toMatchObject({ state: 'open', missingAppraisals: ['A3'], agents: 3 });
    const future = await t.post('/v1/periods/2099-01/close', { force: true });
    expect(future.status).toBe(422);
    expect(future.body.error).toBe('SCORING.PERIOD_NOT_ENDED');
    expect(await t.js.messageCount('SCORING', 'scoring.score.finalized')).toBe(0);
  });

  it('closes once when two instances close at the same time, and publishes exactly one finalized event per agent', async () => {
    const second = await startSecondInstance(t);
    const [a, b] = await Promise.all([
      t.post('/v1/periods/2026-10/close', { force: true }),
      request(second.url).post('/v1/periods/2026-10/close').set('Authorization', `Bearer ${second.token}`).send({ force: true }),
    ]);
    await second.close();
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.closedNow, b.body.closedNow].sort()).toEqual([false, true]);
    const again = await t.post('/v1/periods/2026-10/close', { force: true }).expect(200);
    expect(again.body).toMatchObject({ state: 'closed', closedNow: false, forced: true, carriedOver: ['A3'] });
    await waitFor(async () => (await t.js.messageCount('SCORING', 'scoring.score.finalized')) === 3, 'three finalized events');
    await sleep(500);
    const events = await t.scoreEvents();
    expect(events.map((e) => e.eventId).sort()).toEqual(['score-2026-10-A1-r1', 'score-2026-10-A2-r1', 'score-2026-10-A3-r1']);
    const by = new Map(events.map((e) => [e.agentId, e]));
    expect(by.get('A1')).toMatchObject({ revision: 1, previousRevision: null, policyVersion: 'default-1', totalScore: 77.75, grade: 'pass', levelBefore: 'regular', levelAfter: 'regular', pay: { currency: 'CNY', total: 1500 } });
    expect(by.get('A2')).toMatchObject({ totalScore: 100, grade: 'excellent', levelAfter: 'one-star', pay: { total: 1700 } });
    expect(by.get('A2')!.pay.lines.map((l) => `${l.code}:${l.amount}`)).toEqual(['BASE:1100', 'APPRAISAL_PAY:400', 'FULL_ATTENDANCE:100', 'SERVICE_STAR:100']);
    expect(by.get('A3')).toMatchObject({ totalScore: 70, grade: 'pass', levelBefore: 'trainee', levelAfter: 'trainee', pay: { total: 1150 } });
    const a3 = (await t.get('/v1/scorecards/A3/2026-10').expect(200)).body;
    expect(a3).toMatchObject({ status: 'final', revision: 1, flags: ['APPRAISAL_CARRIED_OVER', 'NO_QA_EVALUATIONS', 'NO_RATINGS'] });
    expect(a3.components[0].reason).toContain('carried over from 2026-09');
  });

  it('raises the promotion-priority alert for a total of 95 or more', async () => {
    await waitFor(async () => (await t.js.messageCount('ALERTS', 'alerts.scoring.promotion-priority')) === 1, 'the alert');
    const [alert] = await t.messages<{ alertId: string; agentId: string; severity: string }>('ALERTS', 'alerts.scoring.promotion-priority');
    expect(alert).toMatchObject({ alertId: 'scoring:2026-10:A2:scoring.promotion-priority', agentId: 'A2', severity: 'info' });
  });

  it('lists the closed month from the stored revisions, a page at a time, the same figures as the events', async () => {
    const res = await t.get('/v1/scorecards?period=2026-10', ['payroll']).expect(200);
    const totals = res.body.items.map((c: { agentId: string; total: number; status: string }) => [c.agentId, c.total, c.status]);
    expect(totals).toEqual([['A1', 77.75, 'final'], ['A2', 100, 'final'], ['A3', 70, 'final']]);
    const first = (await t.get('/v1/scorecards?period=2026-10&limit=2', ['payroll']).expect(200)).body;
    const second = (await t.get(`/v1/scorecards?period=2026-10&limit=2&cursor=${first.nextCursor}`, ['payroll']).expect(200)).body;
    expect([...first.items, ...second.items]).toEqual(res.body.items);
    expect([first.items.length, second.nextCursor]).toEqual([2, null]);
    const events: ScoreEvent[] = await t.scoreEvents();
    expect(events).toHaveLength(3);
  });

  it("exports the closed month's pay lines as CSV, one row per pay line, the figures payroll was sent", async () => {
    const res = await t.get('/v1/payroll/2026-10.csv', ['payroll']).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const events = (await t.scoreEvents()).sort((a, b) => a.agentId.localeCompare(b.agentId));
    const rows = events.flatMap((e) => e.pay.lines.map((l) => `${e.agentId},2026-10,1,${l.code},${l.amount.toFixed(2)},${e.pay.total.toFixed(2)}`));
    expect(res.text).toBe(['agentId,period,revision,code,amount,total', ...rows].join('\r\n') + '\r\n');
    expect(rows).toContain('A2,2026-10,1,SERVICE_STAR,100.00,1700.00');
    const open = await t.get('/v1/payroll/2026-11.csv', ['hr']);
    expect([open.status, open.body.error]).toEqual([409, 'SCORING.PERIOD_NOT_CLOSED']);
    expect((await t.get('/v1/payroll/2026-10.csv', ['supervisor'])).status).toBe(403);
  });
});
