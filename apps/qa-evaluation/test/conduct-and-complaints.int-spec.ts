import type { AlertEvent, ComplaintJudgedEvent, ConductRecordedEvent, ConductVoidedEvent } from '@app/contracts';
import { waitFor } from '../../../tests/support/wait-for';
import { Clock } from '../src/clock/clock';
import { agent, HR, QA1, startQa, SUP, type QaHarness } from './qa-harness';

describe('qa-evaluation conduct records, appeals and complaints (real NATS, real PostgreSQL)', () => {
  let t: QaHarness;
  beforeAll(async () => {
    t = await startQa();
  });
  afterAll(async () => t?.close());

  it('serves the catalogue with labels, kinds and amounts or points', async () => {
    const items = (await t.get('/v1/conduct-catalogue', agent('A1')).expect(200)).body as Array<{ code: string }>;
    const by = Object.fromEntries(items.map((i) => [i.code, i]));
    expect(by.PHONE_CHAT).toMatchObject({ kind: 'penalty', amount: 30, labelZh: '用电话聊天或长时间占用电话' });
    expect(by.LONG_HOLD_UNREASONED).toMatchObject({ kind: 'points', points: 2 });
    expect(by.MEETING_FAULT).toMatchObject({ kind: 'adjustment', points: -5 });
    expect(by.MONTHLY_TEST_TOP3).toMatchObject({ kind: 'adjustment', points: 5 });
    expect(by.ISSUER_OVERTURNED).toMatchObject({ kind: 'adjustment', points: -10 });
    expect(by.LEAD_ONLINE_REPLY_MISSED).toMatchObject({ kind: 'adjustment', points: -10, scorecardPart: 'volume' });
    expect(by.LOSS).toMatchObject({ kind: 'penalty', amountFromRecord: true });
  });

  it('records, alerts the agent, takes the signature', async () => {
    const first = await t.post('/v1/conduct-records', SUP, { agentId: 'A1001', code: 'IMPROPER_TONE', occurredAt: '2026-10-05T10:00:00+08:00', note: '语气生硬', callId: 'c-9' }).expect(201);
    expect(first.body).toMatchObject({ issuerId: 'S01', amount: 20, warning: false, kind: 'penalty' });
    const second = await t.post('/v1/conduct-records', SUP, { agentId: 'A1001', code: 'IMPROPER_TONE', occurredAt: '2026-10-06T10:00:00+08:00', note: '再次' }).expect(201);
    expect(second.body).toMatchObject({ amount: 20, warning: false });
    const loss = await t.post('/v1/conduct-records', QA1, { agentId: 'A1001', code: 'LOSS', amount: 123.45, occurredAt: '2026-10-07T10:00:00+08:00', note: '错发货' }).expect(201);
    const events = await t.published<ConductRecordedEvent>('qa.conduct.recorded', 3);
    expect(events.map((e) => [e.code, e.kind, e.amount, e.points, e.issuerId])).toEqual([
      ['IMPROPER_TONE', 'penalty', 20, 0, 'S01'], ['IMPROPER_TONE', 'penalty', 20, 0, 'S01'], ['LOSS', 'penalty', 123.45, 0, 'Q01'],
    ]);
    expect(events[0]).toMatchObject({ recordId: first.body.recordId, agentId: 'A1001', callId: 'c-9', occurredAt: '2026-10-05T02:00:00.000Z', labelEn: 'Improper words or tone' });
    expect(events[0].warning).toBeUndefined();
    const alerts = await t.published<AlertEvent>('alerts.qa.conduct-recorded', 3);
    expect(alerts[0]).toMatchObject({ alertId: `qa:conduct-recorded:${first.body.recordId}`, kind: 'qa.conduct-recorded', agentId: 'A1001', facts: { recordId: first.body.recordId, code: 'IMPROPER_TONE' } });
    expect((await t.post(`/v1/conduct-records/${loss.body.recordId}/acknowledge`, agent('A2002'))).status).toBe(403);
    const signed = await t.post(`/v1/conduct-records/${loss.body.recordId}/acknowledge`, agent('A1001')).expect(200);
    expect(signed.body.recordId).toBe(loss.body.recordId);
    // a signature from the in-app inbox arrives as notification.conduct.acknowledged
    await t.js.publish('notification.conduct.acknowledged', { eventId: 'ack-1', schemaVersion: 1, recordId: second.body.recordId, agentId: 'A1001', acknowledgedAt: '2026-10-06T03:00:00Z' }, 'ack-1');
    await waitFor(async () => (await t.env.query<{ a: Date | null }>(`SELECT acknowledged_at a FROM qa.conduct_record WHERE record_id = $1`, [second.body.recordId]))[0]?.a, 'inbox signature');
    const own = (await t.get('/v1/conduct-records?period=2026-10', agent('A1001')).expect(200)).body;
    expect(own).toHaveLength(3);
    expect((await t.get('/v1/conduct-records', agent('A2002')).expect(200)).body).toEqual([]);
    expect((await t.get(`/v1/conduct-records/${loss.body.recordId}`, agent('A2002'))).status).toBe(403);
  });

  it('an upheld appeal voids the record and records −10 ISSUER_OVERTURNED for the issuer; a rejected one changes nothing', async () => {
    const rec = (await t.post('/v1/conduct-records', SUP, { agentId: 'A1001', code: 'LEAVING_POST', points: 4, occurredAt: '2026-10-08T10:00:00+08:00', note: '离岗' }).expect(201)).body;
    expect((await t.post(`/v1/conduct-records/${rec.recordId}/appeal`, agent('A2002'), { reason: 'x' })).status).toBe(403);
    await t.post(`/v1/conduct-records/${rec.recordId}/appeal`, agent('A1001'), { reason: '当时在处理客户工单' }).expect(201);
    expect((await t.post(`/v1/conduct-records/${rec.recordId}/appeal`, agent('A1001'), { reason: 'again' })).body.error).toBe('QA.APPEAL_EXISTS');
    expect((await t.post(`/v1/conduct-records/${rec.recordId}/appeal/decision`, SUP, { upheld: true, reason: 'x' })).status).toBe(403);
    const decided = await t.post(`/v1/conduct-records/${rec.recordId}/appeal/decision`, HR, { upheld: true, reason: '工单记录证实' }).expect(200);
    expect(decided.body).toEqual({ recordId: rec.recordId, status: 'upheld', voided: true, issuerAdjustment: { recordId: `overturn-${rec.recordId}`, agentId: 'S01', points: -10 } });
    const [voided] = await t.published<ConductVoidedEvent>('qa.conduct.voided');
    expect(voided).toMatchObject({ eventId: `conduct-${rec.recordId}-voided`, recordId: rec.recordId, agentId: 'A1001', reason: '工单记录证实', issuerId: 'S01' });
    const recorded = await t.published<ConductRecordedEvent>('qa.conduct.recorded', 5);
    expect(recorded.find((e) => e.code === 'ISSUER_OVERTURNED')).toMatchObject({ agentId: 'S01', kind: 'adjustment', points: -10, amount: 0, issuerId: 'H01', causedByRecordId: rec.recordId });
    expect((await t.post(`/v1/conduct-records/${rec.recordId}/appeal/decision`, HR, { upheld: true, reason: 'again' })).body.error).toBe('QA.APPEAL_ALREADY_DECIDED');
    expect((await t.env.query(`SELECT count(*)::int n FROM qa.conduct_record WHERE code = 'ISSUER_OVERTURNED'`))[0]).toEqual({ n: 1 });

    const kept = (await t.post('/v1/conduct-records', SUP, { agentId: 'A1001', code: 'NOISE', occurredAt: '2026-10-08T11:00:00+08:00', note: '喧哗' }).expect(201)).body;
    await t.post(`/v1/conduct-records/${kept.recordId}/appeal`, agent('A1001'), { reason: '不是我' }).expect(201);
    expect((await t.post(`/v1/conduct-records/${kept.recordId}/appeal/decision`, HR, { upheld: false, reason: '监控确认' }).expect(200)).body).toMatchObject({ status: 'rejected', voided: false, issuerAdjustment: null });
    expect((await t.get(`/v1/conduct-records/${kept.recordId}`, agent('A1001')).expect(200)).body).toMatchObject({ status: 'recorded', appeal: { status: 'rejected' } });
  });

  it('refuses an appeal after its window, and bad records with the code and path', async () => {
    const rec = (await t.post('/v1/conduct-records', SUP, { agentId: 'A1001', code: 'NOISE', occurredAt: '2026-10-09T11:00:00+08:00', note: 'n' }).expect(201)).body;
    const clock = t.app.get(Clock);
    const real = clock.now;
    clock.now = () => new Date(Date.now() + 8 * 86_400_000);
    try {
      const late = await t.post(`/v1/conduct-records/${rec.recordId}/appeal`, agent('A1001'), { reason: 'late' });
      expect([late.status, late.body.error, late.body.details[0].path]).toEqual([422, 'QA.APPEAL_WINDOW_CLOSED', 'recordId']);
    } finally {
      clock.now = real;
    }
    const before = (await t.env.query<{ n: number }>(`SELECT count(*)::int n FROM qa.conduct_record`))[0].n;
    const cases: Array<[object, number, string, string]> = [
      [{ agentId: 'A1001', code: 'NO_SUCH', occurredAt: '2026-10-09T11:00:00+08:00', note: 'n' }, 422, 'QA.UNKNOWN_CONDUCT_CODE', 'code'],
      [{ agentId: 'A1001', code: 'LOSS', occurredAt: '2026-10-09T11:00:00+08:00', note: 'n' }, 422, 'QA.CONDUCT_AMOUNT_REQUIRED', 'amount'],
      [{ agentId: 'A1001', code: 'LEAVING_POST', points: 9, occurredAt: '2026-10-09T11:00:00+08:00', note: 'n' }, 422, 'QA.CONDUCT_VALUE_OUT_OF_RANGE', 'points'],
      [{ agentId: 'A1001', code: 'NOISE', occurredAt: '9 Oct', note: 'n' }, 400, 'QA.REQUEST_INVALID', 'occurredAt'],
      [{ agentId: 'A1001', code: 'ISSUER_OVERTURNED', occurredAt: '2026-10-09T11:00:00+08:00', note: 'n' }, 422, 'QA.CONDUCT_CODE_NOT_RECORDABLE', 'code'],
    ];
    for (const [body, status, error, path] of cases) {
      const res = await t.post('/v1/conduct-records', SUP, body);
      expect([res.status, res.body.error, res.body.details?.[0]?.path]).toEqual([status, error, path]);
    }
    expect((await t.env.query<{ n: number }>(`SELECT count(*)::int n FROM qa.conduct_record`))[0].n).toBe(before);
    expect((await t.post('/v1/conduct-records', agent('A1001'), cases[0][0])).status).toBe(403);
  });

  it('registers and judges complaints, publishes the judgement, counts only valid ones by category', async () => {
    const c1 = (await t.post('/v1/complaints', SUP, { receivedAt: '2026-10-03T09:00:00+08:00', channel: 'phone', summary: '态度差', callId: 'c-1', agentId: 'A1001' }).expect(201)).body;
    const c2 = (await t.post('/v1/complaints', QA1, { receivedAt: '2026-10-04T09:00:00+08:00', channel: 'email', summary: '未回电' }).expect(201)).body;
    const noAgent = await t.post(`/v1/complaints/${c2.complaintId}/judgement`, SUP, { valid: true, category: 'no-callback', reason: '核实' });
    expect([noAgent.status, noAgent.body.error, noAgent.body.details[0].path]).toEqual([422, 'QA.COMPLAINT_AGENT_REQUIRED', 'agentId']);
    await t.post(`/v1/complaints/${c1.complaintId}/judgement`, SUP, { valid: true, category: 'attitude', reason: '录音核实' }).expect(200);
    await t.post(`/v1/complaints/${c2.complaintId}/judgement`, SUP, { valid: false, agentId: 'A2002', category: 'no-callback', reason: '已回电' }).expect(200);
    expect((await t.post(`/v1/complaints/${c1.complaintId}/judgement`, QA1, { valid: true, category: 'attitude', reason: 'x' })).status).toBe(403);
    const events = await t.published<ComplaintJudgedEvent>('qa.complaint.judged', 2);
    expect(events.map((e) => [e.complaintId, e.agentId, e.valid, e.category, e.receivedAt, e.version])).toEqual([
      [c1.complaintId, 'A1001', true, 'attitude', '2026-10-03T01:00:00.000Z', 1], [c2.complaintId, 'A2002', false, 'no-callback', '2026-10-04T01:00:00.000Z', 1],
    ]);
    expect((await t.get('/v1/complaints/stats?period=2026-10', SUP).expect(200)).body).toEqual({ period: '2026-10', categories: [
      { category: 'attitude', valid: 1, invalid: 0 }, { category: 'no-callback', valid: 0, invalid: 1 },
    ] });
    expect((await t.get('/v1/complaints', agent('A1001')).expect(200)).body.map((c: { complaintId: string }) => c.complaintId)).toEqual([c1.complaintId]);
    expect((await t.get(`/v1/complaints/${c1.complaintId}`, agent('A2002'))).status).toBe(403);
  });

  it('takes its parameters and catalogue amounts from the policy scoring activates', async () => {
    expect((await t.get('/v1/policy', HR).expect(200)).body).toMatchObject({ version: 'default-1', values: { appeals: { windowDays: 7 }, disputes: { windowDays: 7, maxPerMonth: 3 } } });
    await t.js.publish('scoring.policy.activated', { policyVersion: 'p-2', effectiveFrom: '2026-10-01T00:00:00+08:00', qa: { appeals: { windowDays: 1 }, conduct: { firstOffenceWarning: true }, catalogue: { PHONE_CHAT: { amount: 40 } }, bogus: 1 } }, 'policy-p-2');
    await waitFor(async () => (await t.get('/v1/policy', HR)).body.version === 'p-2', 'policy p-2');
    expect((await t.get('/v1/policy', HR).expect(200)).body.values).toMatchObject({ appeals: { windowDays: 1 }, disputes: { windowDays: 7 }, timeZone: 'Asia/Shanghai' });
    const items = (await t.get('/v1/conduct-catalogue', HR).expect(200)).body as Array<{ code: string; amount: number }>;
    expect(items.find((i) => i.code === 'PHONE_CHAT')?.amount).toBe(40);
    // with the first-offence switch on, the first fine of a code is a warning without money
    expect((await t.post('/v1/conduct-records', SUP, { agentId: 'A3003', code: 'PHONE_CHAT', occurredAt: '2026-10-09T11:00:00+08:00', note: 'first' }).expect(201)).body).toMatchObject({ amount: 0, warning: true });
    expect((await t.post('/v1/conduct-records', SUP, { agentId: 'A3003', code: 'PHONE_CHAT', occurredAt: '2026-10-10T11:00:00+08:00', note: 'second' }).expect(201)).body.amount).toBe(40);
    const rec = (await t.post('/v1/conduct-records', SUP, { agentId: 'A3003', code: 'NOISE', occurredAt: '2026-10-10T11:00:00+08:00', note: 'n' }).expect(201)).body;
    const clock = t.app.get(Clock);
    clock.now = () => new Date(Date.now() + 2 * 86_400_000);
    try {
      expect((await t.post(`/v1/conduct-records/${rec.recordId}/appeal`, agent('A3003'), { reason: 'two days on' })).body.error).toBe('QA.APPEAL_WINDOW_CLOSED');
    } finally {
      clock.now = () => new Date();
    }
    expect((await t.put('/v1/policy', SUP, { policyVersion: 'x', qa: {} })).status).toBe(403);
  });
});
