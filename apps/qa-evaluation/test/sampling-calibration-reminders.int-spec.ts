import type { AlertEvent } from '@app/contracts';
import { waitFor } from '../../../tests/support/wait-for';
import { Clock } from '../src/clock/clock';
import { agentUpserted, callQaAnswers, callSummary } from './fixtures';
import { ADMIN, QA1, startQa, SUP, type QaHarness, type Who } from './qa-harness';

const QA2: Who = { sub: 'Q02', roles: ['qa'] };
const AGENTS = ['A1', 'A2', 'A3'];

describe('qa-evaluation sampling, calibration and appraisal reminders (real NATS, real PostgreSQL)', () => {
  let t: QaHarness;
  beforeAll(async () => {
    t = await startQa();
    for (const a of AGENTS) await t.js.publish('attendance.agent.upserted', agentUpserted(a, { supervisorId: a === 'A3' ? 'S02' : 'S01' }), `agent-${a}`);
    for (const q of ['Q01', 'Q02', 'Q03']) await t.js.publish('attendance.agent.upserted', agentUpserted(q, { role: 'qa' }), `agent-${q}`);
    await t.js.publish('attendance.agent.upserted', agentUpserted('A9', { active: false }), 'agent-A9');
    // Each agent: 3 calls on each of days 2, 9, 16, 23 and 30 of October 2026 (weeks 0–4), 10:00 Shanghai.
    for (const a of AGENTS) {
      for (const day of [2, 9, 16, 23, 30]) {
        for (let n = 0; n < 3; n++) {
          const callId = `${a}-d${day}-${n}`;
          const at = new Date(Date.UTC(2026, 9, day, 2, n)).toISOString();
          const poor = a === 'A1' && day === 9 && n === 2;
          await t.js.publish('telephony.call.summarized', callSummary(callId, a, { queuedAt: at, rating: poor ? 'poor' : 'good' }, { rating: poor ? 'poor' : 'good', ringMs: 5_000, longestHoldMs: 0 }), `call-${callId}`);
        }
      }
    }
    await waitFor(async () => (await t.env.query<{ n: number }>(`SELECT count(*)::int n FROM qa.call_leg`))[0].n === 45, 'call copies');
    await waitFor(async () => (await t.env.query<{ n: number }>(`SELECT count(*)::int n FROM qa.agent`))[0].n === 7, 'agent copies');
  });
  afterAll(async () => t?.close());

  it('samples N calls per active agent over the weeks and evaluators, targeting poor ratings, never an evaluated call', async () => {
    await t.post('/v1/evaluations', QA1, { callId: 'A2-d2-0', agentId: 'A2', formId: 'call-qa', formVersion: 1, answers: callQaAnswers() }).expect(201);
    const run = await t.post('/v1/sampling/runs', SUP, { period: '2026-10' }).expect(201);
    expect(run.body).toMatchObject({ period: '2026-10', agents: 3, evaluators: 3, assigned: 12, short: 0 });
    const rows = await t.env.query<{ call_id: string; agent_id: string; evaluator_id: string; week: number; due_date: string }>(
      `SELECT call_id, agent_id, evaluator_id, week, to_char(due_date, 'YYYY-MM-DD') due_date FROM qa.sample_assignment ORDER BY agent_id, week`,
    );
    for (const a of AGENTS) {
      const mine = rows.filter((r) => r.agent_id === a);
      expect(mine).toHaveLength(4);
      expect(new Set(mine.map((r) => r.week)).size).toBe(4); // four different weeks of the five
      expect(new Set(mine.map((r) => r.evaluator_id)).size).toBe(3); // every evaluator gets some of each agent
    }
    expect(rows.map((r) => r.call_id)).toContain('A1-d9-2'); // the poorly rated call is taken first
    expect(rows.map((r) => r.call_id)).not.toContain('A2-d2-0'); // already evaluated
    const again = await t.post('/v1/sampling/runs', SUP, { period: '2026-10' }).expect(201);
    expect(again.body).toMatchObject({ assigned: 0, short: 0 }); // everyone already has N: nothing reassigned
    const more = await t.post('/v1/sampling/runs', SUP, { period: '2026-10', perAgent: 6 }).expect(201);
    expect(more.body.assigned).toBe(6);
    const all = await t.env.query<{ call_id: string }>(`SELECT call_id FROM qa.sample_assignment`);
    expect(new Set(all.map((r) => r.call_id)).size).toBe(18);
  });

  it('gives each evaluator a work list that shows what is done', async () => {
    const list = (await t.get('/v1/sampling/work-list?period=2026-10', QA1).expect(200)).body;
    expect(list.evaluatorId).toBe('Q01');
    expect(list.total).toBe(list.items.length);
    const item = list.items[0];
    await t.post('/v1/evaluations', QA1, { callId: item.callId, agentId: item.agentId, formId: 'call-qa', formVersion: 1, answers: callQaAnswers() }).expect(201);
    const after = (await t.get('/v1/sampling/work-list?period=2026-10', QA1).expect(200)).body;
    expect(after.done).toBe(1);
    expect(after.items[0].evaluationId).toEqual(expect.any(String));
    expect(after.nextCursor).toBeNull();
    // a page at a time by due date; the counts are the month's on every page
    const first = (await t.get('/v1/sampling/work-list?period=2026-10&limit=2', QA1).expect(200)).body;
    expect(first).toMatchObject({ evaluatorId: 'Q01', period: '2026-10', total: after.total, done: 1, items: after.items.slice(0, 2), nextCursor: expect.any(String) });
    const rest = (await t.get(`/v1/sampling/work-list?period=2026-10&limit=1000&cursor=${first.nextCursor}`, QA1).expect(200)).body;
    expect(rest).toMatchObject({ total: after.total, done: 1, items: after.items.slice(2), nextCursor: null });
    const edited = Buffer.from(JSON.stringify(['2026-02-30', 'c'])).toString('base64url'); // no such day
    expect((await t.get(`/v1/sampling/work-list?period=2026-10&cursor=${edited}`, QA1)).body.error).toBe('REQUEST.INVALID_CURSOR');
    expect((await t.get('/v1/sampling/work-list?period=2026-10', { sub: 'A1', roles: ['agent'], agentId: 'A1' })).status).toBe(403);
    const bad = await t.post('/v1/sampling/runs', SUP, { period: 'October' });
    expect([bad.status, bad.body.error, bad.body.details[0].path]).toEqual([400, 'REQUEST.INVALID_PERIOD', 'period']);
  });

  it('calibrates blind: the report shows the spread per item and the distance from the expert', async () => {
    const s = (await t.post('/v1/calibrations', SUP, { callId: 'cal-call', formId: 'call-qa', formVersion: 1, evaluatorIds: ['Q01', 'Q02', 'Q03'], expertId: 'S01' }).expect(201)).body;
    await t.post(`/v1/calibrations/${s.sessionId}/scores`, SUP, { answers: callQaAnswers({ 'patience-respect': 2 }) }).expect(201); // expert: 97
    await t.post(`/v1/calibrations/${s.sessionId}/scores`, QA1, { answers: callQaAnswers() }).expect(201); // 100
    const blind = await t.get(`/v1/calibrations/${s.sessionId}/report`, QA2);
    expect([blind.status, blind.body.error]).toEqual([403, 'QA.CALIBRATION_BLIND']);
    await t.post(`/v1/calibrations/${s.sessionId}/scores`, QA2, { answers: callQaAnswers({ 'patience-respect': 0, 'complete-answer': 2 }) }).expect(201); // attitude 2/5 × 15 = 6 (−9), completeness 6/8 × 20 = 15 (−5): 86
    const r = (await t.get(`/v1/calibrations/${s.sessionId}/report`, QA2).expect(200)).body;
    expect(r.missing).toEqual(['Q03']);
    expect(r.evaluators).toEqual([
      { evaluatorId: 'Q01', score: 100, percent: 100, distanceFromExpert: 3, itemsDifferingFromExpert: 1 },
      { evaluatorId: 'Q02', score: 86, percent: 86, distanceFromExpert: 11, itemsDifferingFromExpert: 2 },
    ]);
    expect(r.items.find((i: { itemId: string }) => i.itemId === 'patience-respect')).toEqual({ itemId: 'patience-respect', expert: 2, points: { Q01: 3, Q02: 0 }, min: 0, max: 3, spread: 3 });
    expect(r.percentSpread).toBe(14);
    expect((await t.post(`/v1/calibrations/${s.sessionId}/scores`, { sub: 'Q09', roles: ['qa'] }, { answers: callQaAnswers() })).status).toBe(403);
    expect(await t.env.query(`SELECT 1 FROM qa.evaluation WHERE call_id = 'cal-call'`)).toEqual([]); // practice, not an evaluation
  });

  it('reminds agents to self-score and supervisors to appraise, once per stage', async () => {
    const at = '2026-11-02T09:00:00+08:00';
    const clock = t.app.get(Clock);
    clock.now = () => new Date(at);
    await t.post('/v1/appraisals/self', { sub: 'A1', roles: ['agent'], agentId: 'A1' }, { period: '2026-10', scores: { initiative: 10, responsibility: 8, 'service-awareness': 8, 'communication-results': 10, learning: 8, 'team-spirit': 8 } }).expect(201);
    clock.now = () => new Date();
    const run = await t.post('/v1/appraisals/reminders/run', ADMIN, { at }).expect(200);
    expect(run.body).toEqual({ period: '2026-10', stages: ['self'], alerts: 2 }); // A1 has self-scored; the inactive A9 is not asked
    await t.post('/v1/appraisals/reminders/run', ADMIN, { at }).expect(200);
    await t.post('/v1/appraisals/reminders/run', ADMIN, { at: '2026-11-05T09:00:00+08:00' }).expect(200);
    const noOffset = await t.post('/v1/appraisals/reminders/run', ADMIN, { at: '2026-11-05T09:00:00' });
    expect([noOffset.status, noOffset.body.error, noOffset.body.details[0].path]).toEqual([400, 'REQUEST.VALIDATION_FAILED', 'at']);
    const selfDue = await t.published<AlertEvent>('alerts.qa.appraisal-self-due', run.body.alerts);
    expect(selfDue.map((a) => a.agentId).sort()).toEqual(['A2', 'A3']);
    expect(selfDue[0]).toMatchObject({ kind: 'qa.appraisal-self-due', severity: 'warning', facts: { period: '2026-10', stage: 'self', dueDate: '2026-11-02' } });
    // by supervisor: the outbox may relay a run's two alerts in either order under load
    const due = (await t.published<AlertEvent>('alerts.qa.appraisal-due', 2)).sort((a, b) => (a.agentId ?? '').localeCompare(b.agentId ?? ''));
    expect(due.map((a) => [a.agentId, a.facts.agentIds])).toEqual([['S01', ['A1', 'A2']], ['S02', ['A3']]]);
    expect(due[0]).toMatchObject({ alertId: 'qa:appraisal-due:2026-10:supervisor:S01', facts: { stage: 'supervisor', dueDate: '2026-11-05' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(await t.js.messageCount('ALERTS', 'alerts.qa.appraisal-due')).toBe(2);
  });

  it("ranks calls by the policy's sampling weights: other weights, another order", async () => {
    // The same four calls of A1 on the 3rd of November and of December (10:00 Shanghai): a poor rating, a 90 s hold, a 20 s ring, none.
    const marks = { poor: { rating: 'poor' as const }, hold: { longestHoldMs: 90_000 }, ring: { ringMs: 20_000 }, plain: {} };
    for (const month of [10, 11]) {
      for (const [n, [mark, over]] of Object.entries(marks).entries()) {
        const callId = `w${month}-${mark}`;
        const at = new Date(Date.UTC(2026, month, 3, 2, n)).toISOString();
        await t.js.publish('telephony.call.summarized', callSummary(callId, 'A1', { queuedAt: at }, { rating: 'good', ringMs: 5_000, longestHoldMs: 0, ...over }), `call-${callId}`);
      }
    }
    await waitFor(async () => (await t.env.query<{ n: number }>(`SELECT count(*)::int n FROM qa.call_leg WHERE call_id LIKE 'w%'`))[0].n === 8, 'weighted call copies');
    // Each run tops A1 up by one call, the best left: the order the calls are taken in is the ranking.
    const order = async (period: string) => {
      for (const perAgent of [1, 2, 3]) await t.post('/v1/sampling/runs', SUP, { period, evaluatorIds: ['Q01'], perAgent }).expect(201);
      const rows = await t.env.query<{ call_id: string }>(`SELECT call_id FROM qa.sample_assignment WHERE period = $1 AND agent_id = 'A1' ORDER BY created_at, call_id`, [period]);
      return rows.map((r) => r.call_id.replace(/^w\d+-/, ''));
    };
    expect(await order('2026-11')).toEqual(['poor', 'hold', 'ring']); // defaults: poor rating 4, hold 2, ring 1
    await t.put('/v1/policy', ADMIN, { policyVersion: 'weights-2', qa: { sampling: { poorRatingWeight: 1, longHoldWeight: 2, longRingWeight: 3 } } }).expect(200);
    await waitFor(async () => (await t.get('/v1/policy', SUP)).body.values?.sampling?.longRingWeight === 3, 'policy weights-2');
    expect(await order('2026-12')).toEqual(['ring', 'hold', 'poor']);
  });
});
