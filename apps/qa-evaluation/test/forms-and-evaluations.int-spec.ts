import request from 'supertest';
import { DateTime } from 'luxon';
import type { EvaluationEvent } from '@app/contracts';
import { waitFor } from '../../../tests/support/wait-for';
import { callQaAnswers, callSummary } from './fixtures';
import { agent, QA1, startQa, SUP, TEAM_T1, type QaHarness } from './qa-harness';

describe('qa-evaluation forms and call evaluations (real NATS, real PostgreSQL)', () => {
  let t: QaHarness;
  beforeAll(async () => {
    t = await startQa();
    await t.directory(TEAM_T1('A1001', 'A2002'));
  });
  afterAll(async () => t?.close());

  it('serves the two seeded forms, published, with stable item ids', async () => {
    const res = await t.get('/v1/forms', QA1).expect(200);
    expect(res.body.nextCursor).toBeNull();
    const byId = Object.fromEntries(res.body.items.map((f: { formId: string }) => [f.formId, f]));
    expect(byId['call-qa']).toMatchObject({ version: 1, status: 'published', purpose: 'call' });
    expect(byId['monthly-appraisal'].sections.map((s: { sectionId: string; items: Array<{ itemId: string; maxPoints: number }> }) => [s.sectionId, s.items.map((i) => `${i.itemId}:${i.maxPoints}`)])).toEqual([
      ['attitude', ['initiative:15', 'responsibility:10', 'service-awareness:10']],
      ['capability', ['communication-results:15', 'learning:10', 'team-spirit:10']],
    ]);
  });

  it('a published version never changes; a new version is a draft until published', async () => {
    const seeded = (await t.get('/v1/forms/call-qa/versions/1', QA1).expect(200)).body;
    const put = await t.put('/v1/forms/call-qa/versions/1', QA1, { ...seeded, titleEn: 'changed' });
    expect(put.status).toBe(409);
    expect(put.body).toMatchObject({ error: 'QA.FORM_VERSION_PUBLISHED', details: [{ path: 'version' }] });
    const v2 = await t.post('/v1/forms', QA1, { ...seeded, titleEn: 'Call QA form v2' }).expect(201);
    expect(v2.body).toMatchObject({ formId: 'call-qa', version: 2, status: 'draft' });
    await t.put('/v1/forms/call-qa/versions/2', QA1, { ...seeded, titleEn: 'Call QA form v2b' }).expect(200);
    await t.post('/v1/forms/call-qa/versions/2/publish', QA1).expect(200);
    expect((await t.put('/v1/forms/call-qa/versions/2', QA1, seeded)).status).toBe(409);
    expect((await t.get('/v1/forms/call-qa/versions/1', QA1)).body.titleEn).toBe('Call QA form');
    const bad = await t.post('/v1/forms', QA1, { ...seeded, sections: [{ ...seeded.sections[0], items: [{ ...seeded.sections[0].items[0], type: 'scale', critical: 'fail-all' }] }] });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'QA.FORM_INVALID', details: [{ path: 'sections[0].items[0].critical' }] });
    const misshapen = await t.post('/v1/forms', QA1, { ...seeded, sections: [{ ...seeded.sections[0], items: [{ ...seeded.sections[0].items[0], maxPoints: 1.234 }] }] });
    expect([misshapen.status, misshapen.body.error, misshapen.body.details[0].path]).toEqual([400, 'REQUEST.VALIDATION_FAILED', 'sections[0].items[0].maxPoints']);
    expect((await t.post('/v1/forms', agent('A1'), seeded)).status).toBe(403);
  });

  it('scores on the server, publishes qa.evaluation.finalized, shows the call facts beside the form', async () => {
    await t.js.publish('telephony.call.summarized', callSummary('c-1', 'A1001'), 'call-c-1-v1');
    await t.js.publish('telephony.call.summarized', callSummary('c-1', 'A1001', { version: 2, rating: 'poor' }), 'call-c-1-v2');
    await t.js.publish('telephony.call.summarized', callSummary('c-1', 'A1001', { version: 1, rating: 'excellent' }), 'call-c-1-v1-late');
    await waitFor(async () => (await t.env.query<{ version: number }>(`SELECT version FROM qa.call_fact WHERE call_id = 'c-1'`))[0]?.version === 2, 'facts v2');
    // patience 2/3 → attitude 4/5 × 15 = 12 (−3); key information N/A → completeness 4/4 × 20: total 97
    const res = await t.post('/v1/evaluations', QA1, { callId: 'c-1', agentId: 'A1001', formId: 'call-qa', formVersion: 1, answers: callQaAnswers({ 'patience-respect': 2, 'key-information': 'na' }) });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ evaluationId: expect.any(String), score: 97, maxScore: 100, percent: 97, criticalFail: false, status: 'submitted', version: 1 });
    const [event] = await t.published<EvaluationEvent>('qa.evaluation.finalized');
    expect(event).toMatchObject({ eventId: `evaluation-${res.body.evaluationId}-v1`, callId: 'c-1', agentId: 'A1001', formId: 'call-qa', formVersion: 1, score: 97, maxScore: 100, percent: 97, criticalFail: false, evaluatorId: 'Q01', version: 1 });
    const one = (await t.get(`/v1/evaluations/${res.body.evaluationId}`, QA1).expect(200)).body;
    expect(one.call).toEqual({ callId: 'c-1', version: 2, queue: 'sales', rating: 'poor', ringMs: 18_000, talkMs: 90_000, holdMs: 40_000, longestHoldMs: 40_000, missed: false });
    expect(one.result.items.find((i: { itemId: string }) => i.itemId === 'key-information')).toMatchObject({ points: null, value: 'na' });
  });

  it('a fail-all critical zeroes the evaluation; a second evaluation of the call is refused', async () => {
    const res = await t.post('/v1/evaluations', QA1, { callId: 'c-2', agentId: 'A1001', formId: 'call-qa', formVersion: 1, answers: callQaAnswers({ 'no-arguing': false }) }).expect(201);
    expect(res.body).toMatchObject({ score: 0, maxScore: 100, percent: 0, criticalFail: true });
    const again = await t.post('/v1/evaluations', QA1, { callId: 'c-2', agentId: 'A1001', formId: 'call-qa', formVersion: 1, answers: callQaAnswers() });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('QA.CALL_ALREADY_EVALUATED');
  });

  it('refuses bad input with a stable code and the path, writing nothing', async () => {
    const base = { callId: 'c-bad', agentId: 'A1001', formId: 'call-qa', formVersion: 1 };
    const cases: Array<[unknown, number, string, string]> = [
      [{ ...base, answers: [...callQaAnswers(), { itemId: 'no-such-item', value: 1 }] }, 422, 'QA.UNKNOWN_ITEM', 'answers[19].itemId'],
      [{ ...base, answers: callQaAnswers({ 'patience-respect': 4 }) }, 422, 'QA.VALUE_OUT_OF_RANGE', 'answers[8].value'],
      [{ ...base, answers: callQaAnswers({ 'opening-script': 'na' }) }, 422, 'QA.NA_NOT_ALLOWED', 'answers[0].value'],
      [{ ...base, formVersion: 9, answers: callQaAnswers() }, 422, 'QA.UNKNOWN_FORM_VERSION', 'formVersion'],
      [{ ...base, formId: 'nope', answers: callQaAnswers() }, 422, 'QA.UNKNOWN_FORM_VERSION', 'formId'],
      [{ ...base, formVersion: '1', answers: callQaAnswers() }, 400, 'REQUEST.INVALID_INTEGER', 'formVersion'],
      [{ ...base, answers: [{ ...callQaAnswers()[0], value: 'yes' }, ...callQaAnswers().slice(1)] }, 400, 'REQUEST.VALIDATION_FAILED', 'answers[0].value'],
      [{ ...base, answers: callQaAnswers().slice(1) }, 422, 'QA.ANSWER_MISSING', 'answers'],
    ];
    for (const [body, status, error, path] of cases) {
      const res = await t.post('/v1/evaluations', QA1, body);
      expect([res.status, res.body.error, res.body.details?.[0]?.path]).toEqual([status, error, path]);
    }
    expect(await t.env.query(`SELECT 1 FROM qa.evaluation WHERE call_id = 'c-bad'`)).toEqual([]);
    const notOnCall = await t.post('/v1/evaluations', QA1, { ...base, callId: 'c-1', agentId: 'A2002', answers: callQaAnswers() });
    expect([notOnCall.status, notOnCall.body.error]).toEqual([422, 'QA.AGENT_NOT_ON_CALL']);
    // Team scope answers before the form, the answers and the call (A9999: outside QA1's team), as it always has.
    for (const body of [
      { ...base, agentId: 'A9999', answers: callQaAnswers({ 'patience-respect': 4 }) }, { ...base, agentId: 'A9999', formVersion: 9, answers: callQaAnswers() },
      { ...base, callId: 'c-1', agentId: 'A9999', answers: callQaAnswers() }, { ...base, callId: 'c-2', agentId: 'A9999', answers: callQaAnswers() },
    ]) {
      const res = await t.post('/v1/evaluations', QA1, body);
      expect([res.status, res.body.error]).toEqual([403, 'AUTH.OUTSIDE_YOUR_TEAM']);
    }
  });

  it('submitted → released → acknowledged; an agent sees only their own released evaluations', async () => {
    const { body } = await t.post('/v1/evaluations', QA1, { callId: 'c-3', agentId: 'A1001', formId: 'call-qa', formVersion: 1, answers: callQaAnswers() }).expect(201);
    const id = body.evaluationId;
    expect((await t.get(`/v1/evaluations/${id}`, agent('A1001'))).status).toBe(404); // not released yet
    expect((await t.get('/v1/evaluations', agent('A1001')).expect(200)).body.items.map((e: { evaluationId: string }) => e.evaluationId)).not.toContain(id);
    expect((await t.post(`/v1/evaluations/${id}/release`, agent('A1001'))).status).toBe(403);
    await t.post(`/v1/evaluations/${id}/release`, QA1).expect(200);
    expect((await t.get(`/v1/evaluations/${id}`, agent('A1001')).expect(200)).body.result.score).toBe(100);
    const other = await t.get(`/v1/evaluations/${id}`, agent('A2002'));
    expect([other.status, other.body.error]).toEqual([403, 'QA.NOT_YOURS']);
    expect((await t.get('/v1/evaluations?agentId=A1001', agent('A2002'))).status).toBe(403);
    expect((await t.get('/v1/evaluations', agent('A2002')).expect(200)).body).toEqual({ items: [], nextCursor: null });
    expect((await t.post(`/v1/evaluations/${id}/acknowledge`, agent('A2002'))).status).toBe(403);
    expect((await t.post(`/v1/evaluations/${id}/acknowledge`, agent('A1001')).expect(200)).body).toEqual({ evaluationId: id, status: 'acknowledged', version: 1 });
    const thisMonth = DateTime.now().setZone('Asia/Shanghai').toFormat('yyyy-MM');
    const mine = (await t.get(`/v1/evaluations?period=${thisMonth}`, agent('A1001')).expect(200)).body.items;
    expect(mine.map((e: { evaluationId: string; status: string }) => [e.evaluationId, e.status])).toEqual([[id, 'acknowledged']]);
    expect((await t.get('/v1/evaluations?period=2020-01', agent('A1001')).expect(200)).body).toEqual({ items: [], nextCursor: null });
    expect((await t.get('/v1/evaluations?agentId=A1001', SUP).expect(200)).body.items).toHaveLength(3);
  });

  it('voids an evaluation with a revision (voided: true) and lets the call be evaluated again', async () => {
    const { body } = await t.post('/v1/evaluations', QA1, { callId: 'c-4', agentId: 'A1001', formId: 'call-qa', formVersion: 1, answers: callQaAnswers() }).expect(201);
    expect((await t.post(`/v1/evaluations/${body.evaluationId}/void`, QA1, { reason: '评错坐席' }).expect(200)).body).toEqual({ evaluationId: body.evaluationId, status: 'voided', version: 2 });
    const revised = await t.published<EvaluationEvent>('qa.evaluation.revised');
    expect(revised.find((e) => e.evaluationId === body.evaluationId)).toMatchObject({ eventId: `evaluation-${body.evaluationId}-v2`, version: 2, voided: true, score: 100 });
    expect((await t.post(`/v1/evaluations/${body.evaluationId}/void`, QA1, { reason: 'again' })).body.error).toBe('QA.EVALUATION_WRONG_STATUS');
    await t.post('/v1/evaluations', QA1, { callId: 'c-4', agentId: 'A1001', formId: 'call-qa', formVersion: 1, answers: callQaAnswers() }).expect(201);
  });

  it('pages a list: `limit` at a time in key order, each page after the cursor, the last with nextCursor null', async () => {
    const whole = (await t.get('/v1/evaluations?agentId=A1001', SUP).expect(200)).body as { items: Array<{ evaluationId: string; createdAt: string }>; nextCursor: string | null };
    expect(whole.nextCursor).toBeNull();
    expect(whole.items.length).toBeGreaterThanOrEqual(5);
    const created = whole.items.map((e) => e.createdAt);
    expect([...created].sort()).toEqual(created); // creation order
    /** Every page of `path`, two items a request, each item named by `idOf`. */
    const walk = async (path: string, who: typeof SUP, idOf: (item: Record<string, unknown>) => string) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await t.get(`${path}${path.includes('?') ? '&' : '?'}limit=2${cursor === null ? '' : `&cursor=${cursor}`}`, who).expect(200);
        if (res.body.nextCursor !== null) expect(res.body.items).toHaveLength(2); // a full page until the last
        ids.push(...(res.body.items as Array<Record<string, unknown>>).map(idOf));
        cursor = res.body.nextCursor as string | null;
        pages++;
      } while (cursor !== null);
      return { ids, pages };
    };
    expect(await walk('/v1/evaluations?agentId=A1001', SUP, (e) => e.evaluationId as string)).toEqual({
      ids: whole.items.map((e) => e.evaluationId), pages: Math.ceil(whole.items.length / 2),
    });
    expect((await walk('/v1/forms', QA1, (f) => `${f.formId as string}@${f.version as number}`)).ids).toEqual(['call-qa@1', 'call-qa@2', 'monthly-appraisal@1']);
  });

  it('refuses a cursor this list did not write, an edited one and a limit out of 1–1,000 with 400', async () => {
    const formCursor = (await t.get('/v1/forms?limit=1', QA1).expect(200)).body.nextCursor as string;
    const nul = Buffer.from(JSON.stringify([1, 'e\u0000'])).toString('base64url');
    for (const [path, error] of [
      [`/v1/evaluations?cursor=${formCursor}`, 'REQUEST.INVALID_CURSOR'], [`/v1/evaluations?cursor=${nul}`, 'REQUEST.INVALID_CURSOR'],
      ['/v1/evaluations?cursor=not*base64', 'REQUEST.VALIDATION_FAILED'], ['/v1/evaluations?limit=0', 'REQUEST.INVALID_INTEGER'],
      ['/v1/evaluations?limit=1001', 'REQUEST.INVALID_INTEGER'], ['/v1/evaluations?page=2', 'REQUEST.VALIDATION_FAILED'],
    ] as const) {
      const res = await t.get(path, SUP);
      expect([path, res.status, res.body.error]).toEqual([path, 400, error]);
    }
  });

  it('serves health, an OpenAPI document naming the contract\'s paths and an AsyncAPI document of its subjects', async () => {
    await request(t.url).get('/health/ready').expect(200);
    const doc = (await request(t.url).get('/docs-json').expect(200)).body as { paths: Record<string, unknown> };
    for (const path of ['/v1/forms', '/v1/forms/{formId}/versions/{version}/publish', '/v1/evaluations', '/v1/evaluations/{id}/release', '/v1/evaluations/{id}/acknowledge',
      '/v1/evaluations/{id}/disputes', '/v1/appraisals', '/v1/appraisals/self', '/v1/conduct-records', '/v1/conduct-catalogue', '/v1/conduct-records/{id}/acknowledge',
      '/v1/conduct-records/{id}/appeal', '/v1/conduct-records/{id}/appeal/decision', '/v1/complaints', '/v1/complaints/{id}/judgement']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    type Operation = { parameters: Array<{ name: string }>; responses: Record<string, { content: Record<string, { schema: { required: string[] } }> }> };
    for (const path of ['/v1/forms', '/v1/evaluations', '/v1/evaluations/{id}/disputes', '/v1/appraisals', '/v1/conduct-records', '/v1/conduct-catalogue', '/v1/complaints', '/v1/sampling/work-list']) {
      const list = (doc.paths[path] as { get: Operation }).get;
      expect([path, list.parameters.map((p) => p.name)]).toEqual([path, expect.arrayContaining(['limit', 'cursor'])]);
      expect([path, list.responses['200'].content['application/json'].schema.required]).toEqual([path, expect.arrayContaining(['items', 'nextCursor'])]);
    }
    const events = (await request(t.url).get('/asyncapi.json').expect(200)).body as { channels: Record<string, { address: string }> };
    const addresses = Object.values(events.channels).map((c) => c.address);
    expect(addresses).toEqual(expect.arrayContaining(['qa.evaluation.finalized', 'qa.evaluation.revised', 'qa.appraisal.submitted', 'qa.conduct.recorded', 'qa.conduct.voided',
      'qa.complaint.judged', 'telephony.call.summarized', 'attendance.agent.upserted', 'attendance.day.closed', 'notification.conduct.acknowledged', 'scoring.policy.activated']));
  });
});
