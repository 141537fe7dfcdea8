import type { AppraisalSubmittedEvent, EvaluationEvent } from '@app/contracts';
import { waitFor } from '../../../tests/support/wait-for';
import { Clock } from '../src/clock/clock';
import { agentUpserted, callQaAnswers } from './fixtures';
import { agent, MANAGER, QA1, startQa, SUP, TEAM_T1, type QaHarness, type Who } from './qa-harness';

const SCORES = { initiative: 12, responsibility: 8, 'service-awareness': 9, 'communication-results': 14, learning: 7, 'team-spirit': 10 };

describe('qa-evaluation appraisals and disputes (real NATS, real PostgreSQL)', () => {
  let t: QaHarness;
  let clock: Clock;
  const standOn = (iso: string) => {
    clock.now = () => new Date(iso);
  };
  beforeAll(async () => {
    t = await startQa();
    await t.directory(TEAM_T1('A1001', 'A2002'));
    clock = t.app.get(Clock);
  });
  afterAll(async () => t?.close());

  describe('monthly appraisal', () => {
    it('publishes the supervisor\'s appraisal with sections and total; a resubmission replaces it with version 2', async () => {
      standOn('2026-11-04T02:00:00Z');
      const res = await t.post('/v1/appraisals', SUP, { agentId: 'A1001', period: '2026-10', scores: SCORES }).expect(201);
      expect(res.body).toMatchObject({ total: 60, maxScore: 70, sections: { attitude: 29, capability: 31 }, anyItemZero: false, version: 1, counted: true });
      const again = await t.post('/v1/appraisals', SUP, { agentId: 'A1001', period: '2026-10', scores: { ...SCORES, learning: 0 }, comment: '学习不足' }).expect(201);
      expect(again.body).toMatchObject({ total: 53, sections: { attitude: 29, capability: 24 }, anyItemZero: true, version: 2 });
      const events = await t.published<AppraisalSubmittedEvent>('qa.appraisal.submitted', 2);
      expect(events[1]).toEqual({
        eventId: 'appraisal-A1001-2026-10-v2', schemaVersion: 1, agentId: 'A1001', period: '2026-10', scores: { ...SCORES, learning: 0 },
        sections: { attitude: 29, capability: 24 }, total: 53, anyItemZero: true, supervisorId: 'S01', formId: 'monthly-appraisal', formVersion: 1, version: 2,
        submittedAt: '2026-11-04T02:00:00.000Z',
      });
    });

    it('keeps the self-score but never publishes or counts it', async () => {
      standOn('2026-11-02T02:00:00Z');
      const self = await t.post('/v1/appraisals/self', agent('A1001'), { period: '2026-10', scores: { ...SCORES, initiative: 15 } }).expect(201);
      expect(self.body).toMatchObject({ kind: 'self', total: 63, counted: false });
      expect(await t.js.messageCount('QA', 'qa.appraisal.submitted')).toBe(2);
      const mine = (await t.get('/v1/appraisals?period=2026-10', agent('A1001')).expect(200)).body.items;
      expect(mine.map((a: { kind: string; result: { score: number } }) => [a.kind, a.result.score])).toEqual([['self', 63], ['supervisor', 53]]);
      expect((await t.get('/v1/appraisals?period=2026-10', agent('A2002')).expect(200)).body).toEqual({ items: [], nextCursor: null });
      expect((await t.post('/v1/appraisals/self', agent('A1001'), { agentId: 'A2002', period: '2026-10', scores: SCORES })).status).toBe(403);
    });

    it('takes a late appraisal until scoring closes the month, then refuses it; an open month and bad scores refused with their paths', async () => {
      standOn('2026-11-11T00:00:00+08:00'); // past the deadline (end of 10 November, local time), not yet closed by scoring
      const late = await t.post('/v1/appraisals', SUP, { agentId: 'A1001', period: '2026-10', scores: SCORES }).expect(201);
      expect(late.body).toMatchObject({ version: 3, late: true, total: 60 });
      await t.js.publish('scoring.score.finalized', {
        eventId: 'score-2026-10-A1001-r1', schemaVersion: 1, period: '2026-10', agentId: 'A1001', revision: 1, previousRevision: null, policyVersion: 'default-2',
        totalScore: 80, grade: 'B', levelBefore: 'regular', levelAfter: 'regular', pay: { currency: 'CNY', lines: [], total: 0 }, finalizedAt: '2026-11-11T01:00:00Z',
      }, 'score-2026-10-A1001-r1');
      await waitFor(async () => (await t.env.query(`SELECT 1 FROM qa.finalized_scorecard WHERE agent_id = 'A1001' AND period = '2026-10'`)).length === 1, 'the close seen by qa');
      const closed = await t.post('/v1/appraisals', SUP, { agentId: 'A1001', period: '2026-10', scores: SCORES });
      expect([closed.status, closed.body.error, closed.body.details[0].path]).toEqual([409, 'QA.APPRAISAL_PERIOD_CLOSED', 'period']);
      expect(await t.js.messageCount('QA', 'qa.appraisal.submitted')).toBe(3);
      const open = await t.post('/v1/appraisals', SUP, { agentId: 'A1001', period: '2026-11', scores: SCORES });
      expect([open.status, open.body.error]).toEqual([422, 'QA.APPRAISAL_PERIOD_NOT_ENDED']);
      standOn('2026-12-03T00:00:00Z');
      const range = await t.post('/v1/appraisals', SUP, { agentId: 'A1001', period: '2026-11', scores: { ...SCORES, initiative: 16 } });
      expect([range.status, range.body.error, range.body.details[0].path]).toEqual([422, 'QA.VALUE_OUT_OF_RANGE', 'scores.initiative']);
      const unknown = await t.post('/v1/appraisals', SUP, { agentId: 'A1001', period: '2026-11', scores: { ...SCORES, charisma: 3 } });
      expect([unknown.status, unknown.body.error, unknown.body.details[0].path]).toEqual([422, 'QA.UNKNOWN_ITEM', 'scores.charisma']);
      expect(await t.env.query(`SELECT 1 FROM qa.appraisal WHERE period = '2026-11'`)).toEqual([]);
      expect((await t.post('/v1/appraisals', QA1, { agentId: 'A1001', period: '2026-11', scores: SCORES })).status).toBe(403);
    });

    it('the department head (manager) appraises supervisors and QA inspectors on the same form; a supervisor may not', async () => {
      standOn('2026-11-04T02:00:00Z');
      await t.js.publish('attendance.agent.upserted', agentUpserted('S02', { role: 'supervisor', supervisorId: null }), 'agent-S02-v1');
      await t.js.publish('attendance.agent.upserted', agentUpserted('Q02', { role: 'qa', supervisorId: null }), 'agent-Q02-v1');
      await t.js.publish('attendance.agent.upserted', agentUpserted('L01', { role: 'shift-lead' }), 'agent-L01-v1');
      await waitFor(async () => (await t.env.query(`SELECT 1 FROM qa.agent WHERE agent_id IN ('S02', 'Q02', 'L01')`)).length === 3, 'the directory copied');
      const before = await t.js.messageCount('QA', 'qa.appraisal.submitted');
      for (const [who, agentId, role, allowed] of [[SUP, 'S02', 'supervisor', 'agent, shift-lead'], [SUP, 'Q02', 'qa', 'agent, shift-lead'], [MANAGER, 'A2002', 'agent', 'supervisor, qa']] as const) {
        const res = await t.post('/v1/appraisals', who, { agentId, period: '2026-10', scores: SCORES });
        expect([res.status, res.body.error, res.body.details[0].path]).toEqual([403, 'QA.APPRAISAL_ROLE_FORBIDDEN', 'agentId']);
        expect(res.body.message).toContain(`${agentId} is a ${role}; you appraise ${allowed} /`);
      }
      await t.post('/v1/appraisals', SUP, { agentId: 'L01', period: '2026-10', scores: SCORES }).expect(201); // a shift lead is the supervisor's
      const sup = await t.post('/v1/appraisals', MANAGER, { agentId: 'S02', period: '2026-10', scores: SCORES }).expect(201);
      expect(sup.body).toMatchObject({ agentId: 'S02', kind: 'supervisor', total: 60, maxScore: 70, counted: true, version: 1 });
      await t.post('/v1/appraisals', MANAGER, { agentId: 'Q02', period: '2026-10', scores: { ...SCORES, initiative: 15 } }).expect(201);
      const events = await t.published<AppraisalSubmittedEvent>('qa.appraisal.submitted', before + 3);
      expect(events.slice(before).map((e) => [e.agentId, e.supervisorId, e.total, e.formId, e.version])).toEqual([
        ['L01', 'S01', 60, 'monthly-appraisal', 1], ['S02', 'M01', 60, 'monthly-appraisal', 1], ['Q02', 'M01', 63, 'monthly-appraisal', 1],
      ]);
      const read = (await t.get('/v1/appraisals?period=2026-10', MANAGER).expect(200)).body.items as Array<{ agentId: string; kind: string; appraiserId: string }>;
      expect(read.filter((a) => a.kind === 'supervisor').map((a) => [a.agentId, a.appraiserId])).toEqual([['A1001', 'S01'], ['L01', 'S01'], ['Q02', 'M01'], ['S02', 'M01']]);
      expect((await t.get('/v1/evaluations?period=2026-10', MANAGER)).status).toBe(200);
      expect((await t.post('/v1/appraisals/self', MANAGER, { period: '2026-10', scores: SCORES })).status).toBe(403);
    });
  });

  describe('disputes', () => {
    async function released(callId: string, over: Record<string, number | boolean | 'na'> = {}) {
      const { body } = await t.post('/v1/evaluations', QA1, { callId, agentId: 'A1001', formId: 'call-qa', formVersion: 1, answers: callQaAnswers(over) }).expect(201);
      await t.post(`/v1/evaluations/${body.evaluationId}/release`, QA1).expect(200);
      return body.evaluationId as string;
    }

    it('an accepted dispute revises the evaluation (version 2, qa.evaluation.revised) and keeps the history', async () => {
      clock.now = () => new Date();
      const id = await released('d-1', { 'complete-answer': 2 }); // completeness 6/8 × 20 = 15 → 95
      expect((await t.post(`/v1/evaluations/${id}/disputes`, agent('A2002'), { itemId: 'complete-answer', reason: 'x' })).status).toBe(403);
      const d = (await t.post(`/v1/evaluations/${id}/disputes`, agent('A1001'), { itemId: 'complete-answer', reason: '已完整答复' }).expect(201)).body;
      expect((await t.post(`/v1/evaluations/${id}/disputes`, agent('A1001'), { itemId: 'complete-answer', reason: 'again' })).body.error).toBe('QA.DISPUTE_ALREADY_OPEN');
      expect((await t.post(`/v1/disputes/${d.disputeId}/decision`, agent('A1001'), { outcome: 'accepted', reason: 'x' })).status).toBe(403);
      // shape errors are the validation pipe's (one code for every service); what depends on the form stays qa's
      const shape = async (path: string, who: Who, body: object) => {
        const res = await t.post(path, who, body);
        return [res.status, res.body.error, res.body.details.map((x: { path: string }) => x.path)];
      };
      expect(await shape(`/v1/evaluations/${id}/disputes`, agent('A1001'), { itemId: 'service-skill', reason: ' ' })).toEqual([400, 'REQUEST.VALIDATION_FAILED', ['reason']]);
      expect(await shape(`/v1/disputes/${d.disputeId}/decision`, QA1, { outcome: 'maybe', value: {}, reason: 'x' })).toEqual([400, 'REQUEST.VALIDATION_FAILED', ['outcome', 'value']]);
      expect(await shape(`/v1/disputes/${d.disputeId}/decision`, QA1, { outcome: 'partly-accepted', reason: 'x' })).toEqual([400, 'QA.REQUEST_INVALID', ['value']]);
      const bad = await t.post(`/v1/disputes/${d.disputeId}/decision`, QA1, { outcome: 'partly-accepted', value: 5, reason: 'x' });
      expect([bad.status, bad.body.error, bad.body.details[0].path]).toEqual([422, 'QA.VALUE_OUT_OF_RANGE', 'value']);
      const decided = await t.post(`/v1/disputes/${d.disputeId}/decision`, QA1, { outcome: 'partly-accepted', value: 3, reason: '部分认可' }).expect(200);
      expect(decided.body).toMatchObject({ outcome: 'partly-accepted', version: 2, score: 97.5, percent: 97.5 }); // 7/8 × 20 = 17.5
      const revised = await t.published<EvaluationEvent>('qa.evaluation.revised');
      expect(revised[0]).toMatchObject({ eventId: `evaluation-${id}-v2`, evaluationId: id, version: 2, score: 97.5, percent: 97.5 });
      const one = (await t.get(`/v1/evaluations/${id}`, agent('A1001')).expect(200)).body;
      expect(one.history.map((h: { version: number; result: { score: number } }) => [h.version, h.result.score])).toEqual([[1, 95], [2, 97.5]]);
      expect((await t.post(`/v1/disputes/${d.disputeId}/decision`, QA1, { outcome: 'rejected', reason: 'x' })).body.error).toBe('QA.DISPUTE_ALREADY_DECIDED');
      expect((await t.get(`/v1/evaluations/${id}/disputes`, agent('A1001')).expect(200)).body).toEqual({ items: [expect.objectContaining({ itemId: 'complete-answer', outcome: 'partly-accepted', newValue: 3 })], nextCursor: null });
      expect((await t.get(`/v1/evaluations/${id}/disputes`, agent('A2002'))).status).toBe(403);
    });

    it('a rejected dispute changes nothing; the window and the monthly maximum are enforced', async () => {
      const id = await released('d-2', { 'patience-respect': 1 });
      const d = (await t.post(`/v1/evaluations/${id}/disputes`, agent('A1001'), { itemId: 'patience-respect', reason: '有耐心' }).expect(201)).body;
      expect((await t.post(`/v1/disputes/${d.disputeId}/decision`, SUP, { outcome: 'rejected', reason: '录音显示不耐烦' }).expect(200)).body).toMatchObject({ version: 1 });
      await t.post(`/v1/evaluations/${id}/disputes`, agent('A1001'), { itemId: 'service-skill', reason: 'third' }).expect(201);
      const fourth = await t.post(`/v1/evaluations/${id}/disputes`, agent('A1001'), { itemId: 'product-knowledge', reason: 'fourth' });
      expect([fourth.status, fourth.body.error]).toEqual([422, 'QA.DISPUTE_LIMIT_REACHED']); // three a month by default
      const unknown = await t.post(`/v1/evaluations/${id}/disputes`, agent('A1001'), { itemId: 'nope', reason: 'x' });
      expect([unknown.status, unknown.body.error, unknown.body.details[0].path]).toEqual([422, 'QA.UNKNOWN_ITEM', 'itemId']);
      clock.now = () => new Date(Date.now() + 8 * 86_400_000);
      const late = await t.post(`/v1/evaluations/${id}/disputes`, agent('A1001'), { itemId: 'product-knowledge', reason: 'late' });
      expect([late.status, late.body.error]).toEqual([422, 'QA.DISPUTE_WINDOW_CLOSED']);
      clock.now = () => new Date();
      expect(await t.js.messageCount('QA', 'qa.evaluation.revised')).toBe(1);
    });
  });
});
