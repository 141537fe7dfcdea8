import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AlertEvent, AutoEvaluationCompletedEvent } from '@app/contracts';
import { waitFor } from '../../../tests/support/wait-for';
import { callQaAnswers, callSummary } from './fixtures';
import { ADMIN, agent, HR, QA1, startQa, SUP, TEAM_T1, type QaHarness, type Who } from './qa-harness';

const PBX: Who = { sub: 'pbx', roles: ['telephony'] };
const seg = (speaker: 'agent' | 'customer', startS: number, endS: number, text: string) => ({ speaker, startMs: Math.round(startS * 1000), endMs: Math.round(endS * 1000), text });

/** A two-minute call: scripted opening and closing, one forbidden phrase (不知道), the customer threatening a complaint. */
const CALL = [
  seg('agent', 1, 4, '您好，很高兴为您服务！'),
  seg('customer', 4, 9, '我的快递三天还没到，我要投诉。'),
  seg('agent', 9.5, 14, '您别着急，请您提供一下单号。'),
  seg('customer', 14, 17, '单号是一二三四五。'),
  seg('agent', 18, 24, '这个我不知道，您可以问一下快递公司。'),
  seg('agent', 100, 106, '謝謝您的來電，請您對我的服務進行評價！'),
  seg('agent', 106, 108, '再见。'),
];

/** One transcript segment every 4 s for four hours, agent and customer in turn. */
function fourHours() {
  return Array.from({ length: 3_600 }, (_, i) => seg(i % 2 ? 'customer' : 'agent', i * 4, i * 4 + 3.5, i % 2 ? '好的，我明白了，谢谢。' : '请您稍等，我帮您查询一下这个订单的情况。'));
}

describe('qa-evaluation speech QA (real NATS, real PostgreSQL)', () => {
  let t: QaHarness;
  const auto = (callId: string, who: Who = QA1) => waitFor(async () => {
    const res = await t.get(`/v1/auto-evaluations/${callId}`, who);
    return res.status === 200 ? res.body : null;
  }, `the automatic evaluation of ${callId}`);

  beforeAll(async () => {
    t = await startQa();
    // QA1 and SUP read the machine's evaluations of their own team's calls (A1009 stays outside it).
    await t.directory(TEAM_T1('A1001', 'A1002', 'A1003', 'A1004', 'A1005', 'A2001'));
  });
  afterAll(async () => t?.close());

  it('checks a transcript with known hits: the items answered (auto, with evidence), the hits, the two alerts, the completed event', async () => {
    await t.js.publish('telephony.call.summarized', callSummary('c-sq-1', 'A1001'), 'call-c-sq-1-v1');
    await waitFor(async () => (await t.env.query(`SELECT 1 FROM qa.call_fact WHERE call_id = 'c-sq-1'`)).length === 1, 'the call copy');
    const res = await t.post('/v1/transcripts', PBX, { callId: 'c-sq-1', segments: [...CALL, seg('agent', 50, 40, '时间倒了')] }).expect(202);
    expect(res.body).toEqual({
      callId: 'c-sq-1', version: 1, duplicate: false, segments: 7, rejectedCount: 1,
      rejected: [{ index: 7, errors: [{ code: 'QA.SEGMENT_TIME_INVALID', path: 'segments[7].endMs', message: expect.any(String) }] }],
    });

    const e = await auto('c-sq-1');
    expect(e).toMatchObject({ callId: 'c-sq-1', agentId: 'A1001', formId: 'call-qa', formVersion: 1, version: 1, policyVersion: 'default-1', flagged: true });
    expect(e.items.map((i: { itemId: string; answer: unknown; auto: boolean }) => [i.itemId, i.answer, i.auto])).toEqual([
      ['opening-script', true, true], ['closing-script', true, true], ['must-nin', true, true], ['must-goodbye', true, true],
      ['dont-harsh-words', false, true], ['dont-shirk', true, true],
    ]);
    expect(e.items.find((i: { itemId: string }) => i.itemId === 'dont-harsh-words').evidence).toEqual([
      { segment: 4, startMs: 18_000, endMs: 24_000, text: '这个我不知道，您可以问一下快递公司。', matched: ['不', '知道'] },
    ]);
    expect(e.items.find((i: { itemId: string }) => i.itemId === 'closing-script').evidence).toEqual([
      { segment: 5, startMs: 100_000, endMs: 106_000, text: '謝謝您的來電，請您對我的服務進行評價！', matched: ['谢谢您', '的', '来电', '请', '您', '对', '我', '的', '服务', '进行', '评价'] },
    ]);
    expect(e.hits).toEqual(expect.arrayContaining([
      { check: 'forbidden-refusal', kind: 'forbidden-phrase', segment: 4, startMs: 18_000, endMs: 24_000, matched: ['不', '知道'], phrase: '不知道' },
      { check: 'complaint-risk', kind: 'complaint-risk', segment: 1, startMs: 4_000, endMs: 9_000, matched: ['投诉'], phrase: '投诉' },
    ]));
    for (const h of e.hits) expect(Object.keys(h)).toEqual(expect.arrayContaining(['check', 'kind', 'segment', 'startMs', 'endMs', 'matched']));

    const [forbidden] = await t.published<AlertEvent>('alerts.qa.forbidden-phrase');
    expect(forbidden).toMatchObject({ alertId: 'qa:auto:c-sq-1:forbidden-phrase', kind: 'qa.forbidden-phrase', severity: 'warning', agentId: 'A1001',
      facts: { callId: 'c-sq-1', words: ['不知道'], hits: [{ check: 'forbidden-refusal', segment: 4, startMs: 18_000, endMs: 24_000, matched: ['不', '知道'] }] } });
    const [risk] = await t.published<AlertEvent>('alerts.qa.complaint-risk');
    expect(risk).toMatchObject({ alertId: 'qa:auto:c-sq-1:complaint-risk', kind: 'qa.complaint-risk', facts: { callId: 'c-sq-1', words: ['投诉'] } });
    const [completed] = await t.published<AutoEvaluationCompletedEvent>('qa.auto-evaluation.completed');
    expect(completed).toEqual({
      eventId: 'auto-evaluation-c-sq-1-v1', schemaVersion: 1, callId: 'c-sq-1', agentId: 'A1001', formId: 'call-qa', formVersion: 1, version: 1,
      policyVersion: 'default-1', flagged: true, checkedAt: expect.any(String),
      items: [
        { itemId: 'opening-script', answer: true }, { itemId: 'closing-script', answer: true }, { itemId: 'must-nin', answer: true },
        { itemId: 'must-goodbye', answer: true }, { itemId: 'dont-harsh-words', answer: false }, { itemId: 'dont-shirk', answer: true },
      ],
      hitCounts: { script: 2, courtesy: 1, 'forbidden-phrase': 1, 'complaint-risk': 1 },
      // What scoring shows on the scorecard (issue 19).
      kpis: { scriptChecks: 2, scriptPassed: 2, forbiddenPhrases: 1, complaintRisk: true },
    });
    // Stored apart from people's evaluations, which it never becomes.
    expect(await t.env.query(`SELECT count(*)::int AS n FROM qa.evaluation WHERE call_id = 'c-sq-1'`)).toEqual([{ n: 0 }]);
    expect(await t.env.query(`SELECT agent_id, flagged, script_checks, script_passed, forbidden_phrases, complaint_risk FROM qa.auto_evaluation WHERE call_id = 'c-sq-1'`))
      .toEqual([{ agent_id: 'A1001', flagged: true, script_checks: 2, script_passed: 2, forbidden_phrases: 1, complaint_risk: true }]);
  });

  it('the same transcript again changes nothing; a new one is version 2, re-checked, alerts not raised twice', async () => {
    const again = await t.post('/v1/transcripts', PBX, { callId: 'c-sq-1', segments: CALL }).expect(202);
    expect(again.body).toMatchObject({ version: 1, duplicate: true, segments: 7, rejectedCount: 0 });
    await t.post('/v1/transcripts', PBX, { callId: 'c-sq-1', segments: CALL.filter((_, i) => i !== 4) }).expect(202);
    const v2 = await waitFor(async () => ((await auto('c-sq-1')).version === 2 ? auto('c-sq-1') : null), 'version 2');
    expect(v2.items.find((i: { itemId: string }) => i.itemId === 'dont-harsh-words')).toMatchObject({ answer: true, evidence: [] });
    await t.published('qa.auto-evaluation.completed', 2);
    const alerts = await t.env.query<{ id: string }>(`SELECT id FROM qa.outbox_message WHERE subject LIKE 'alerts.qa.%' ORDER BY id`);
    expect(alerts.map((a) => a.id)).toEqual(['qa:auto:c-sq-1:complaint-risk', 'qa:auto:c-sq-1:forbidden-phrase']);
  });

  it('keeps a transcript that arrives before its call and checks it when the call copy arrives', async () => {
    await t.post('/v1/transcripts', PBX, { callId: 'c-sq-2', segments: CALL.slice(0, 3) }).expect(202);
    await new Promise((r) => setTimeout(r, 1_500));
    const early = await t.get('/v1/auto-evaluations/c-sq-2', QA1);
    expect([early.status, early.body.error]).toEqual([404, 'QA.AUTO_EVALUATION_NOT_FOUND']);
    // Before qa knows whose call it is, only those who read every team's calls see its transcript.
    expect((await t.get('/v1/transcripts/c-sq-2', QA1)).body.error).toBe('QA.TRANSCRIPT_NOT_FOUND');
    expect((await t.get('/v1/transcripts/c-sq-2', ADMIN).expect(200)).body).toMatchObject({ callId: 'c-sq-2', state: 'pending', segments: CALL.slice(0, 3) });
    // Transferred: the agent who talked longest is the call's agent.
    await t.js.publish('telephony.call.summarized', callSummary('c-sq-2', 'A1002', {
      legs: [
        { ...callSummary('x', 'A1009').legs[0], talkMs: 10_000, transferred: true },
        { ...callSummary('x', 'A1002').legs[0], talkMs: 200_000 },
      ],
    }), 'call-c-sq-2-v1');
    expect(await auto('c-sq-2')).toMatchObject({ callId: 'c-sq-2', agentId: 'A1002' });
    expect((await t.get('/v1/transcripts/c-sq-2', QA1).expect(200)).body.state).toBe('checked');
  });

  it('waits on a call nobody answered, and checks it when a later copy has the answer', async () => {
    await t.js.publish('telephony.call.summarized', callSummary('c-sq-3', 'A1003', {}, { answeredAt: null, talkMs: null, missed: true }), 'call-c-sq-3-v1');
    await waitFor(async () => (await t.env.query(`SELECT 1 FROM qa.call_fact WHERE call_id = 'c-sq-3'`)).length === 1, 'the call copy');
    await t.post('/v1/transcripts', PBX, { callId: 'c-sq-3', segments: CALL.slice(0, 2) }).expect(202);
    await waitFor(async () => (await t.get('/v1/transcripts/c-sq-3', QA1)).body.state === 'waiting', 'waiting');
    await t.js.publish('telephony.call.summarized', callSummary('c-sq-3', 'A1003', { version: 2 }), 'call-c-sq-3-v2');
    expect(await auto('c-sq-3')).toMatchObject({ agentId: 'A1003' });
  });

  it('takes transcripts from telephony.call.transcribed once per message id', async () => {
    await t.js.publish('telephony.call.summarized', callSummary('c-sq-4', 'A1001'), 'call-c-sq-4-v1');
    const body = { callId: 'c-sq-4', source: 'asr-bus', segments: CALL };
    await t.js.publish('telephony.call.transcribed', body, 'tr-c-sq-4');
    await t.js.publish('telephony.call.transcribed', body, 'tr-c-sq-4'); // within the duplicate window: dropped by JetStream
    expect(await auto('c-sq-4')).toMatchObject({ version: 1 });
    expect(await t.env.query(`SELECT version, source FROM qa.transcript WHERE call_id = 'c-sq-4'`)).toEqual([{ version: 1, source: 'asr-bus' }]);
    expect(await t.env.query(`SELECT count(*)::int AS n FROM qa.inbox_message WHERE subject = 'telephony.call.transcribed'`)).toEqual([{ n: 1 }]);
  });

  it('reports bad segments by index, code and path and keeps the good; refuses only what has nothing usable', async () => {
    const res = await t.post('/v1/transcripts', PBX, {
      callId: 'c-sq-bad',
      segments: [seg('agent', 0, 2, '您好'), { ...seg('agent', 2, 3, 'x'), speaker: 'bot' }, { speaker: 'customer', startMs: 3000, endMs: 4000, text: '', confidence: 2 }, seg('customer', 4, 5, '好')],
    }).expect(202);
    expect(res.body).toMatchObject({ segments: 2, rejectedCount: 2 });
    expect(res.body.rejected).toEqual([
      { index: 1, errors: [expect.objectContaining({ code: 'QA.SEGMENT_SPEAKER_UNKNOWN', path: 'segments[1].speaker' })] },
      { index: 2, errors: [expect.objectContaining({ code: 'QA.SEGMENT_TEXT_INVALID', path: 'segments[2].text' }), expect.objectContaining({ code: 'QA.SEGMENT_CONFIDENCE_OUT_OF_RANGE', path: 'segments[2].confidence' })] },
    ]);
    expect((await t.get('/v1/transcripts/c-sq-bad', ADMIN).expect(200)).body).toMatchObject({ rejectedCount: 2, rejections: res.body.rejected });
    const cases: Array<[unknown, number, string, string]> = [
      [{ segments: [seg('agent', 0, 1, '您好')] }, 400, 'REQUEST.VALIDATION_FAILED', 'callId'],
      [{ callId: 'c', segments: 'all of it' }, 400, 'REQUEST.VALIDATION_FAILED', 'segments'],
      [{ callId: 'c', segments: [{ ...seg('agent', 0, 1, '您好'), speaker: 'bot' }] }, 422, 'QA.TRANSCRIPT_EMPTY', 'segments'],
      [{ callId: 'c', segments: Array.from({ length: 20_001 }, (_, i) => seg('agent', i, i + 1, '好')) }, 413, 'QA.TRANSCRIPT_TOO_LONG', 'segments'],
    ];
    for (const [body, status, error, path] of cases) {
      const r = await t.post('/v1/transcripts', PBX, body);
      expect([r.status, r.body.error, r.body.details?.[0]?.path]).toEqual([status, error, path]);
    }
    expect((await t.post('/v1/transcripts', QA1, { callId: 'c', segments: CALL })).status).toBe(403);
  });

  it('takes an array of transcripts, each answered at its index; the good ones stored together', async () => {
    await t.js.publish('telephony.call.summarized', callSummary('c-b-1', 'A1005'), 'call-c-b-1-v1');
    const res = await t.post('/v1/transcripts', PBX, [
      { callId: 'c-b-1', segments: CALL },
      { callId: 'c-b-2', segments: [{ ...seg('agent', 0, 1, '您好'), speaker: 'bot' }] },
      { callId: 'c-b-3', segments: CALL.slice(0, 2) },
      { callId: 'c-b-3', segments: CALL.slice(0, 3) },
      { callId: 'c-sq-4', source: 'asr-bus', segments: CALL },
      { segments: CALL },
    ]).expect(202);
    expect(res.body).toMatchObject({ accepted: 2, duplicates: 1, refused: 3 });
    expect(res.body.transcripts).toEqual([
      expect.objectContaining({ index: 0, callId: 'c-b-1', version: 1, duplicate: false, segments: 7 }),
      expect.objectContaining({ index: 1, callId: 'c-b-2', error: 'QA.TRANSCRIPT_EMPTY', details: expect.arrayContaining([expect.objectContaining({ path: '[1].segments[0].speaker', code: 'QA.SEGMENT_SPEAKER_UNKNOWN' })]) }),
      expect.objectContaining({ index: 2, callId: 'c-b-3', error: 'QA.REQUEST_INVALID', details: [expect.objectContaining({ path: '[2].callId' })] }),
      expect.objectContaining({ index: 3, callId: 'c-b-3', version: 1, segments: 3 }),
      expect.objectContaining({ index: 4, callId: 'c-sq-4', version: 1, duplicate: true }),
      { index: 5, error: 'REQUEST.VALIDATION_FAILED', message: expect.any(String), details: expect.arrayContaining([expect.objectContaining({ path: '[5].callId', code: 'REQUEST.VALIDATION_FAILED' })]) },
    ]);
    expect(await auto('c-b-1')).toMatchObject({ agentId: 'A1005' });
    const none = await t.post('/v1/transcripts', PBX, [{ callId: 'c-b-9', segments: [] }]);
    expect([none.status, none.body.error, none.body.details[0].path]).toEqual([422, 'QA.TRANSCRIPT_EMPTY', '[0].segments']);
    const tooMany = await t.post('/v1/transcripts', PBX, Array.from({ length: 101 }, (_, i) => ({ callId: `c-m-${i}`, segments: CALL.slice(0, 1) })));
    expect([tooMany.status, tooMany.body.error]).toEqual([413, 'QA.TRANSCRIPTS_TOO_MANY']);
  });

  it('takes a 4-hour call and refuses a 50 MB body with 413', async () => {
    const long = await t.post('/v1/transcripts', PBX, { callId: 'c-sq-long', segments: fourHours() }).expect(202);
    expect(long.body).toMatchObject({ segments: 3_600, rejectedCount: 0 });
    await t.js.publish('telephony.call.summarized', callSummary('c-sq-long', 'A1001'), 'call-c-sq-long-v1');
    const e = await auto('c-sq-long');
    expect(e.items.find((i: { itemId: string }) => i.itemId === 'opening-script')).toMatchObject({ answer: false });
    // Four hours as Alibaba Cloud reports them, with word timings: ~310,000 JSON values, ~5 MB.
    const words = (i: number) => Array.from({ length: 16 }, (_, w) => ({ begin_time: i * 4000 + w * 200, end_time: i * 4000 + w * 200 + 180, text: '好', punctuation: '' }));
    const sentences = (channel: number) => Array.from({ length: 1_800 }, (_, k) => k * 2 + channel).map((i) => ({ begin_time: i * 4000, end_time: i * 4000 + 3500, text: '好'.repeat(16), sentence_id: i, words: words(i) }));
    const paraformer = { file_url: 'https://oss.example.com/c-sq-long-ali.wav', transcripts: [{ channel_id: 0, sentences: sentences(0) }, { channel_id: 1, sentences: sentences(1) }] };
    const ali = await t.post('/v1/transcripts/aliyun-paraformer?callId=c-sq-long-ali', PBX, paraformer).expect(202);
    expect(ali.body).toMatchObject({ segments: 3_600, rejectedCount: 0 });
    // 50 MB of transcript: one segment of padding past the 16 MB a JSON body may have.
    const huge = `{"callId":"c-huge","segments":[{"speaker":"agent","startMs":0,"endMs":1,"text":"${'您'.repeat(17_000_000)}"}]}`;
    const res = await t.post('/v1/transcripts', PBX).set('Content-Type', 'application/json').send(huge);
    expect([res.status, res.body.error]).toEqual([413, 'REQUEST.TOO_LARGE']);
    expect(await t.env.query(`SELECT 1 FROM qa.transcript WHERE call_id = 'c-huge'`)).toEqual([]);
  });

  it('maps the vendors\' documented outputs', async () => {
    await t.js.publish('telephony.call.summarized', callSummary('c-aws-1', 'A1004'), 'call-c-aws-1-v1');
    await t.js.publish('telephony.call.summarized', callSummary('c-ali-1', 'A1004'), 'call-c-ali-1-v1');
    const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8'));
    const aws = await t.post('/v1/transcripts/amazon-transcribe', PBX, fixture('amazon-transcribe-call-analytics.golden.json')).expect(202);
    expect(aws.body).toMatchObject({ callId: 'c-aws-1', segments: 4, rejectedCount: 2, rejected: [{ index: 3, errors: [{ path: 'Transcript[3].ParticipantRole' }] }, { index: 4 }] });
    const ali = await t.post('/v1/transcripts/aliyun-paraformer?callId=c-ali-1', PBX, fixture('aliyun-paraformer.golden.json')).expect(202);
    expect(ali.body).toMatchObject({ callId: 'c-ali-1', segments: 4, rejectedCount: 2 });
    expect((await t.post('/v1/transcripts/aliyun-paraformer', PBX, fixture('aliyun-paraformer.golden.json'))).body).toMatchObject({ error: 'QA.REQUEST_INVALID', details: [{ path: 'callId' }] });
    expect((await t.post('/v1/transcripts/amazon-transcribe?callId=x', PBX, { results: {} })).body).toMatchObject({ error: 'QA.TRANSCRIPT_FORMAT_INVALID' });
    const ali1 = await auto('c-ali-1');
    expect(ali1.items.find((i: { itemId: string }) => i.itemId === 'dont-shirk')).toMatchObject({ answer: false, evidence: [{ segment: 2, matched: ['我', '不', '清楚'] }] });
    expect((await auto('c-aws-1')).hits).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'complaint-risk', matched: ['不', '满意'] })]));
  });

  it('lets the evaluator pre-fill the form, and agents read only their own', async () => {
    const prefill = (await t.get('/v1/auto-evaluations/c-sq-4/prefill', QA1).expect(200)).body;
    expect(prefill).toMatchObject({ callId: 'c-sq-4', agentId: 'A1001', formId: 'call-qa', formVersion: 1 });
    expect(prefill.answers).toEqual(expect.arrayContaining([{ itemId: 'opening-script', value: true }, { itemId: 'dont-harsh-words', value: false }]));
    expect(prefill.open).toEqual(expect.arrayContaining(['patience-respect', 'product-knowledge', 'no-arguing']));
    expect(prefill.open).not.toContain('opening-script');
    expect(prefill.evidence['dont-harsh-words']).toHaveLength(1);
    await t.get('/v1/auto-evaluations/c-sq-4', agent('A1001')).expect(200);
    expect((await t.get('/v1/auto-evaluations/c-sq-4', agent('A1002'))).body.error).toBe('QA.NOT_YOURS');
    expect((await t.get('/v1/auto-evaluations/c-sq-4/prefill', agent('A1001'))).status).toBe(403);
    expect((await t.get('/v1/auto-evaluations/c-none', SUP)).status).toBe(404);
  });

  it('keeps the machine\'s evaluations and transcripts within team scope: the agent their own, a supervisor their teams\'', async () => {
    const stranger: Who = { sub: 'S09', roles: ['supervisor'] };
    await t.get('/v1/transcripts/c-sq-4', agent('A1001')).expect(200);
    expect((await t.get('/v1/transcripts/c-sq-4', agent('A1002'))).body.error).toBe('QA.NOT_YOURS');
    await t.get('/v1/transcripts/c-sq-4', SUP).expect(200);
    for (const path of ['/v1/transcripts/c-sq-4', '/v1/auto-evaluations/c-sq-4', '/v1/auto-evaluations/c-sq-4/prefill', '/v1/auto-evaluations/agents/A1001/summary?period=2026-10']) {
      expect([path, (await t.get(path, stranger)).body.error]).toEqual([path, 'AUTH.OUTSIDE_YOUR_TEAM']);
    }
  });

  it('gives an agent\'s month: calls checked, script adherence, forbidden phrases per 100 calls', async () => {
    const res = await t.get('/v1/auto-evaluations/agents/A1001/summary?period=2026-10', SUP).expect(200);
    // c-sq-1 (v2: no forbidden phrase), c-sq-4 (one), c-sq-long (no opening, no closing).
    expect(res.body).toEqual({
      agentId: 'A1001', period: '2026-10', calls: 3, scriptChecks: 6, scriptPassed: 4, scriptAdherencePercent: 66.67,
      forbiddenPhrases: 1, forbiddenPhrasesPer100Calls: 33.33, complaintRiskCalls: 2, flaggedCalls: 3,
    });
    await t.get('/v1/auto-evaluations/agents/A1001/summary?period=2026-10', agent('A1001')).expect(200);
    expect((await t.get('/v1/auto-evaluations/agents/A1001/summary?period=2026-10', agent('A1002'))).status).toBe(403);
    expect((await t.get('/v1/auto-evaluations/agents/A1001/summary?period=10-2026', HR)).body).toMatchObject({ error: 'QA.REQUEST_INVALID', details: [{ path: 'period' }] });
  });

  it('measures the machine against people on the same calls: percent agreement, Cohen\'s kappa, the disagreeing calls', async () => {
    // People's evaluations written as the submission stores them (qa.evaluation), to keep this about agreement.
    const human = async (id: string, callId: string, agentId: string, over: Record<string, boolean>) => t.env.query(
      `INSERT INTO qa.evaluation (evaluation_id, call_id, agent_id, form_id, form_version, evaluator_id, answers, result, status, version)
       VALUES ($1, $2, $3, 'call-qa', 1, 'Q01', $4, '{}', 'submitted', 1)`, [id, callId, agentId, JSON.stringify(callQaAnswers(over))]);
    await human('h-1', 'c-sq-1', 'A1001', {}); // machine: harsh words true (v2), person true
    await human('h-4', 'c-sq-4', 'A1001', { 'dont-harsh-words': true }); // machine false, person true
    await human('h-2', 'c-sq-2', 'A1002', { 'opening-script': false }); // machine true, person false
    const res = await t.get('/v1/auto-evaluations/agreement?from=2026-10-01&to=2026-11-01', QA1).expect(200);
    expect(res.body).toMatchObject({ from: '2026-09-30T16:00:00.000Z', to: '2026-10-31T16:00:00.000Z', calls: 3 });
    const item = (id: string) => res.body.items.find((i: { itemId: string }) => i.itemId === id);
    // dont-harsh-words: (true,true) (false,true) (true,true): pₒ = 2/3; machine true 2/3, person true 3/3: pₑ = 2/3 → κ = 0.
    expect(item('dont-harsh-words')).toMatchObject({ compared: 3, agreed: 2, percentAgreement: 66.67, kappa: 0,
      disagreements: [{ callId: 'c-sq-4', agentId: 'A1001', evaluationId: 'h-4', machine: false, human: true }] });
    expect(item('opening-script')).toMatchObject({ compared: 3, agreed: 2, disagreements: [expect.objectContaining({ callId: 'c-sq-2', machine: true, human: false })] });
    expect(item('must-nin')).toMatchObject({ compared: 3, agreed: 3, percentAgreement: 100, kappa: null });
    expect((await t.get('/v1/auto-evaluations/agreement?from=2026-10-01', QA1)).body).toMatchObject({ error: 'QA.REQUEST_INVALID', details: [{ path: 'to' }] });
    expect((await t.get('/v1/auto-evaluations/agreement?from=2026-10-01&to=2026-11-01', agent('A1001'))).status).toBe(403);
  });

  it('offers flagged calls first in sampling (a policy weight)', async () => {
    // A2001's two calls: c-s-poor rated poor (+4), c-s-flag flagged by speech QA (+8).
    await t.js.publish('telephony.call.summarized', callSummary('c-s-poor', 'A2001', { rating: 'poor' }, { rating: 'poor', ringMs: 2_000, longestHoldMs: 0 }), 'call-c-s-poor-v1');
    await t.js.publish('telephony.call.summarized', callSummary('c-s-flag', 'A2001', {}, { ringMs: 2_000, longestHoldMs: 0 }), 'call-c-s-flag-v1');
    await t.post('/v1/transcripts', PBX, { callId: 'c-s-flag', segments: CALL }).expect(202);
    await auto('c-s-flag', ADMIN);
    await waitFor(async () => (await t.env.query(`SELECT 1 FROM qa.call_leg WHERE call_id = 'c-s-poor'`)).length === 1, 'the poor call');
    await t.post('/v1/sampling/runs', ADMIN, { period: '2026-10', evaluatorIds: ['Q01'], perAgent: 1 }).expect(201);
    expect(await t.env.query(`SELECT call_id FROM qa.sample_assignment WHERE agent_id = 'A2001'`)).toEqual([{ call_id: 'c-s-flag' }]);
  });
});
