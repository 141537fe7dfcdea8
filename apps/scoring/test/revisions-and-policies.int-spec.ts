import type { PolicyActivatedEvent, ScoreEvent } from '@app/contracts';
import { sleep, waitFor } from '../../../tests/support/wait-for';
import { DEFAULT_POLICY } from '../src/domain/policy/default-policy';
import { AutoCloseWorker } from '../src/close-period/auto-close.worker';
import { agent, appraisal, call, conduct, day, voided } from './facts';
import { startScoring, type ScoringHarness } from './scoring-harness';

/**
 * October 2026 by hand. B1: appraisal 30 + 30, one rostered day present, nothing else → 90 (rank 2: rising star; pay
 * 1100 + 400 + 100 + 50 = 1650; promoted to one-star). B2: 35 + 30, 3 good of 4 rated (7.5) → 92.5
 * (rank 1: service star; 1700; one-star).
 */
describe('scoring: revisions after close, policies, what-if and the close day (real NATS, real PostgreSQL)', () => {
  let t: ScoringHarness;
  const revised = async (n: number) => {
    await waitFor(async () => (await t.js.messageCount('SCORING', 'scoring.score.revised')) >= n, `${n} revised events`);
    await sleep(1_200); // two more worker passes: nothing else may follow
    return t.scoreEvents('scoring.score.revised');
  };

  beforeAll(async () => {
    t = await startScoring();
    await t.feed(agent('B1', 'regular'), agent('B2', 'regular'));
    await t.feed(
      appraisal('B1', '2026-10', 30, 30),
      appraisal('B2', '2026-10', 35, 30),
      ...(['good', 'good', 'good', 'fair'] as const).map((rating, i) => call(`d${i}`, 'B2', `2026-10-1${i}T03:00:00.000Z`, { rating })),
      day('B1', '2026-10-09'), // full attendance needs a rostered day on record
      day('B2', '2026-10-09'),
    );
    const closed = await t.post('/v1/periods/2026-10/close').expect(200);
    expect(closed.body).toMatchObject({ closedNow: true, finalized: 2, forced: false });
    await waitFor(async () => (await t.js.messageCount('SCORING', 'scoring.score.finalized')) === 2, 'finalized events');
  }, 60_000);
  afterAll(async () => t?.close());

  it('finalized both agents as worked out by hand', async () => {
    const by = new Map((await t.scoreEvents()).map((e) => [e.agentId, e]));
    expect(by.get('B1')).toMatchObject({ totalScore: 90, grade: 'excellent', levelAfter: 'one-star', pay: { total: 1650 } });
    expect(by.get('B2')).toMatchObject({ totalScore: 92.5, grade: 'excellent', levelAfter: 'one-star', pay: { total: 1700 } });
  });

  it('revises only the agent a late record changed; a re-delivered record changes nothing twice', async () => {
    const late = conduct('r-late', 'B1', { kind: 'points', points: 5, code: 'TASK_LATE', labelZh: '主管任务延误', labelEn: 'supervisor task late', occurredAt: '2026-10-20T02:00:00Z' });
    await t.feed(late);
    await t.feed({ ...late, msgId: 'conduct-r-late-again' });
    const events = await revised(1);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventId: 'score-2026-10-B1-r2', revision: 2, previousRevision: 1, totalScore: 85, grade: 'good', levelAfter: 'regular', deductionPoints: 5,
      difference: { totalScore: { before: 90, after: 85 }, grade: { before: 'excellent', after: 'good' }, levelAfter: { before: 'one-star', after: 'regular' }, deductionPoints: { before: 0, after: 5 } },
    });
    const card = (await t.get('/v1/scorecards/B1/2026-10').expect(200)).body;
    expect(card).toMatchObject({ status: 'final', revision: 2, total: 85 });
    const history = (await t.get('/v1/scorecards/B1/2026-10/revisions', ['payroll']).expect(200)).body.items;
    expect(history.map((r: { revision: number; figures: { totalScore: number } }) => [r.revision, r.figures.totalScore])).toEqual([[1, 90], [2, 85]]);
    const first = (await t.get('/v1/scorecards/B1/2026-10/revisions?limit=1', ['payroll']).expect(200)).body;
    const second = (await t.get(`/v1/scorecards/B1/2026-10/revisions?limit=1&cursor=${first.nextCursor}`, ['payroll']).expect(200)).body;
    expect([first.agentId, first.period, first.items[0].revision, second.items[0].revision, second.nextCursor]).toEqual(['B1', '2026-10', 1, 2, null]);
    expect(card.deductions.items).toEqual([{ code: 'TASK_LATE', points: 5, inputIds: ['r-late'], reason: 'HR −5: 主管任务延误 / supervisor task late, 2026-10-20' }]);
  });

  it('revises back when the record is voided (an upheld appeal)', async () => {
    await t.feed(voided('r-late', 'B1'));
    const events = await revised(2);
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ eventId: 'score-2026-10-B1-r3', previousRevision: 2, totalScore: 90, levelAfter: 'one-star', difference: { totalScore: { before: 85, after: 90 } } });
  });

  it('revises both agents whose figures a corrected attendance day changed (the ranks swap)', async () => {
    await t.feed(day('B2', '2026-10-09', { status: 'absent', cause: 'corrected', correctionReason: 'no clock-in' }, 2));
    const events = await revised(4);
    expect(events).toHaveLength(4);
    const b2 = events.find((e) => e.agentId === 'B2')!;
    expect(b2).toMatchObject({ eventId: 'score-2026-10-B2-r2', totalScore: 87.5, grade: 'good', levelAfter: 'regular', pay: { total: 1550 } }); // −5 HR, no full attendance, now rank 2
    const b1 = events.find((e) => e.eventId === 'score-2026-10-B1-r4')!;
    expect(b1).toMatchObject({ totalScore: 90, pay: { total: 1700 } }); // rank 1 now: service star instead of rising star
    expect(Object.keys(b1.difference!).sort()).toEqual(['pay.lines', 'pay.total']);
  });

  it('validates policy documents with the path of the bad field', async () => {
    const doc = JSON.parse(JSON.stringify(DEFAULT_POLICY));
    delete doc.scorecards.agent.components[4].max;
    doc.pay.starBonus['one-star'] = -200;
    const bad = await t.post('/v1/policies', doc, ['admin']);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('SCORING.POLICY_INVALID');
    expect(bad.body.details).toEqual(
      expect.arrayContaining([
        { path: 'scorecards.agent.components[4].max', message: 'the weight is required' },
        { path: 'scorecards.agent.components', message: 'weights add up to 90, not totalMax 100' },
        { path: 'pay.starBonus.one-star', message: 'must not be negative' },
      ]),
    );
    const past = await t.post('/v1/policies', { ...DEFAULT_POLICY, name: 'late', effectiveFrom: '2026-10' }, ['admin']);
    expect(past.status).toBe(422);
    expect(past.body).toMatchObject({ error: 'SCORING.POLICY_EFFECTIVE_IN_CLOSED_MONTH', details: [{ path: 'effectiveFrom' }] });
    await t.post('/v1/policies', DEFAULT_POLICY, ['supervisor']).expect(403);
  });

  it('activates a newer policy (published), and recalculation revises only the agents it changes', async () => {
    const strict = JSON.parse(JSON.stringify(DEFAULT_POLICY));
    strict.name = 'strict';
    strict.effectiveFrom = '2026-11';
    strict.scorecards.agent.components[4].source.minGoodRatePct = 80;
    strict.telephony.ringLimitRings = 4;
    strict.attendance = { lateGraceMinutes: 3 };
    const created = await t.post('/v1/policies', strict, ['admin']).expect(201);
    expect(created.body).toMatchObject({ policyVersion: 'strict-1', version: 1, active: false });
    await t.post('/v1/policies/strict-1/activate', {}, ['admin']).expect(200);
    await waitFor(async () => (await t.js.messageCount('SCORING', 'scoring.policy.activated')) === 1, 'policy activated');
    const [activated] = await t.messages<PolicyActivatedEvent>('SCORING', 'scoring.policy.activated');
    expect(activated).toMatchObject({ policyVersion: 'strict-1', effectiveFrom: '2026-11', telephony: { ringLimitRings: 4, ringCycleMs: 5_000, holdLimitMs: 120_000 }, attendance: { lateGraceMinutes: 3 } });
    const list = (await t.get('/v1/policies', ['admin']).expect(200)).body.items;
    expect(list.map((p: { policyVersion: string; active: boolean }) => `${p.policyVersion}${p.active ? '*' : ''}`)).toEqual(['default-1', 'manual-bonus-1', 'ops-1', 'strict-1*']);
    const page1 = (await t.get('/v1/policies?limit=3', ['admin']).expect(200)).body;
    const page2 = (await t.get(`/v1/policies?limit=3&cursor=${page1.nextCursor}`, ['admin']).expect(200)).body;
    expect([...page1.items, ...page2.items].map((p: { policyVersion: string }) => p.policyVersion)).toEqual(['default-1', 'manual-bonus-1', 'ops-1', 'strict-1']);
    expect(page2.nextCursor).toBeNull();

    const res = await t.post('/v1/periods/2026-10/recalculate', {}, ['admin']).expect(200);
    expect(res.body).toEqual({ period: '2026-10', policyVersion: 'strict-1', revised: 1 });
    const events = await revised(5);
    expect(events[4]).toMatchObject({ eventId: 'score-2026-10-B2-r3', policyVersion: 'strict-1', totalScore: 80, difference: { totalScore: { before: 87.5, after: 80 } } });
    await t.post('/v1/periods/2026-10/recalculate', {}, ['admin']).expect(200, { period: '2026-10', policyVersion: 'strict-1', revised: 0 });
  });

  it('simulates a draft policy over the month, per agent before and after, publishing nothing', async () => {
    const before = await t.js.messageCount('SCORING');
    const ops = (await t.get('/v1/policies', ['admin']).expect(200)).body.items.find((p: { name: string }) => p.name === 'ops').document;
    const res = await t.post('/v1/policies/simulate', { period: '2026-10', policy: ops }, ['hr']).expect(200);
    expect(res.body.agents).toEqual([
      { agentId: 'B1', before: { total: 90, grade: 'excellent', levelAfter: 'one-star', payTotal: 1700 }, after: { total: 90, grade: 'A', levelAfter: 'one-star', payTotal: 1700 }, changed: true },
      // Under ops the 75% good rate counts again (7.5): 87.5, grade B.
      { agentId: 'B2', before: { total: 80, grade: 'good', levelAfter: 'regular', payTotal: 1550 }, after: { total: 87.5, grade: 'B', levelAfter: 'regular', payTotal: 1550 }, changed: true },
    ]);
    expect(res.body.summary).toEqual({ agents: 2, changed: 2, payTotalBefore: 3250, payTotalAfter: 3250 });
    const invalid = await t.post('/v1/policies/simulate', { period: '2026-10', policy: { ...ops, totalMax: 90 } }, ['hr']);
    expect(invalid.status).toBe(400);
    expect(invalid.body.details[0].path).toBe('policy.scorecards.agent.components');
    await sleep(300);
    expect(await t.js.messageCount('SCORING')).toBe(before);
  });

  it('closes last month by itself on the close day, forced, carrying the appraisals over', async () => {
    const worker = t.app.get(AutoCloseWorker);
    expect(await worker.tick(new Date('2026-12-09T15:59:00Z'))).toBeNull(); // 23:59 on 9 December in Shanghai
    expect(await worker.tick(new Date('2026-12-09T16:00:00Z'))).toBe('2026-11'); // 00:00 on the 10th
    expect(await worker.tick(new Date('2026-12-09T17:00:00Z'))).toBeNull();
    const state = (await t.get('/v1/periods/2026-11').expect(200)).body;
    expect(state).toMatchObject({ state: 'closed', forced: true, carriedOver: ['B1', 'B2'], policyVersion: 'strict-1', agents: 2 });
    await waitFor(async () => (await t.scoreEvents()).filter((e: ScoreEvent) => e.period === '2026-11').length === 2, 'November finalized');
    const nov = (await t.scoreEvents()).filter((e) => e.period === '2026-11');
    expect(nov.map((e) => [e.agentId, e.levelBefore])).toEqual(expect.arrayContaining([['B1', 'one-star'], ['B2', 'regular']]));
  });

  it('carries a revision of October into the closed November that builds on it (the level held)', async () => {
    await t.feed(conduct('r-big', 'B1', { kind: 'points', points: 10, code: 'CLIQUE', labelZh: '拉帮结派', labelEn: 'cliques', occurredAt: '2026-10-25T02:00:00Z' }));
    await waitFor(async () => (await t.scoreEvents('scoring.score.revised')).find((e) => e.eventId === 'score-2026-11-B1-r2'), 'November revised');
    const revisedEvents = await t.scoreEvents('scoring.score.revised');
    expect(revisedEvents.find((e) => e.eventId === 'score-2026-10-B1-r5')).toMatchObject({ totalScore: 80, levelAfter: 'regular' });
    expect(revisedEvents.find((e) => e.eventId === 'score-2026-11-B1-r2')).toMatchObject({ levelBefore: 'regular', difference: { levelBefore: { before: 'one-star', after: 'regular' } } });
  });
});
