import type { AlertEvent, ComplaintJudgedEvent, ConductRecordedEvent, ConductVoidedEvent } from '@app/contracts';
import { waitFor } from '../../../tests/support/wait-for';
import { Clock } from '../src/clock/clock';
import { callSummary, dayClosed } from './fixtures';
import { ADMIN, agent, HR, MANAGER, QA1, startQa, SUP, TEAM_T1, type QaHarness } from './qa-harness';

describe('qa-evaluation conduct records, appeals and complaints (real NATS, real PostgreSQL)', () => {
  let t: QaHarness;
  beforeAll(async () => {
    t = await startQa();
    await t.directory(TEAM_T1('A1001', 'A2002', 'A3003', 'A4004', 'A5005', 'A6006', 'A7007'));
  });
  afterAll(async () => t?.close());

  it('serves the catalogue with labels, kinds and amounts or points', async () => {
    const page = (await t.get('/v1/conduct-catalogue', agent('A1')).expect(200)).body as { items: Array<{ code: string }>; nextCursor: string | null };
    expect(page.nextCursor).toBeNull(); // a few dozen items: one page
    const items = page.items;
    const by = Object.fromEntries(items.map((i) => [i.code, i]));
    expect(by.PHONE_CHAT).toMatchObject({ kind: 'penalty', amount: 30, labelZh: '用电话聊天或长时间占用电话' });
    expect(by.LONG_HOLD_UNREASONED).toMatchObject({ kind: 'points', points: 2 });
    expect(by.MEETING_FAULT).toMatchObject({ kind: 'adjustment', points: -5 });
    expect(by.MONTHLY_TEST_TOP3).toMatchObject({ kind: 'adjustment', points: 5 });
    expect(by.ISSUER_OVERTURNED).toMatchObject({ kind: 'adjustment', points: -10 });
    expect(by.LEAD_ONLINE_REPLY_MISSED).toMatchObject({ kind: 'adjustment', points: -10, scorecardPart: 'volume' });
    expect(by.LOSS).toMatchObject({ kind: 'penalty', amountFromRecord: true });
    expect(by.KNOWLEDGE_ERROR).toMatchObject({
      kind: 'adjustment', points: -1, category: 'knowledge', scorecardPart: 'knowledge', computed: false, labelZh: '因不熟悉产品或流程导致的失误',
      labelEn: 'Error from not knowing the product or process',
    });
    // seeded into the table by its own migration too (ON CONFLICT DO NOTHING after the seed): exactly one row
    expect(await t.env.query(`SELECT item->>'scorecardPart' AS part, (item->>'points')::int AS points FROM qa.conduct_catalogue WHERE code = 'KNOWLEDGE_ERROR'`)).toEqual([{ part: 'knowledge', points: -1 }]);
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
    // the catalogue category of each code travels with the record; no day was named, so no date
    expect(events.map((e) => [e.category, e.date])).toEqual([['phone', undefined], ['phone', undefined], ['loss', undefined]]);
    const alerts = await t.published<AlertEvent>('alerts.qa.conduct-recorded', 3);
    expect(alerts[0]).toMatchObject({ alertId: `qa:conduct-recorded:${first.body.recordId}`, kind: 'qa.conduct-recorded', agentId: 'A1001', facts: { recordId: first.body.recordId, code: 'IMPROPER_TONE' } });
    expect((await t.post(`/v1/conduct-records/${loss.body.recordId}/acknowledge`, agent('A2002'))).status).toBe(403);
    const signed = await t.post(`/v1/conduct-records/${loss.body.recordId}/acknowledge`, agent('A1001')).expect(200);
    expect(signed.body.recordId).toBe(loss.body.recordId);
    // a signature from the in-app inbox arrives as notification.conduct.acknowledged
    await t.js.publish('notification.conduct.acknowledged', { eventId: 'ack-1', schemaVersion: 1, recordId: second.body.recordId, agentId: 'A1001', acknowledgedAt: '2026-10-06T03:00:00Z' }, 'ack-1');
    await waitFor(async () => (await t.env.query<{ a: Date | null }>(`SELECT acknowledged_at a FROM qa.conduct_record WHERE record_id = $1`, [second.body.recordId]))[0]?.a, 'inbox signature');
    const own = (await t.get('/v1/conduct-records?period=2026-10', agent('A1001')).expect(200)).body.items;
    expect(own).toHaveLength(3);
    expect(own.map((r: { code: string; category: string; date: string | null }) => [r.code, r.category, r.date])).toEqual([
      ['IMPROPER_TONE', 'phone', null], ['IMPROPER_TONE', 'phone', null], ['LOSS', 'loss', null],
    ]);
    expect((await t.get('/v1/conduct-records?period=2026-10', MANAGER).expect(200)).body.items).toHaveLength(3); // the department head reads every team
    expect((await t.get('/v1/conduct-records', agent('A2002')).expect(200)).body).toEqual({ items: [], nextCursor: null });
    expect((await t.get(`/v1/conduct-records/${loss.body.recordId}`, agent('A2002'))).status).toBe(403);
  });

  it('an upheld appeal voids the record and records −10 ISSUER_OVERTURNED for the issuer; a rejected one changes nothing', async () => {
    const rec = (await t.post('/v1/conduct-records', SUP, { agentId: 'A1001', code: 'LEAVING_POST', points: 4, occurredAt: '2026-10-08T10:00:00+08:00', note: '离岗' }).expect(201)).body;
    expect((await t.post(`/v1/conduct-records/${rec.recordId}/appeal`, agent('A2002'), { reason: 'x' })).status).toBe(403);
    const noReason = await t.post(`/v1/conduct-records/${rec.recordId}/appeal`, agent('A1001'), { reason: 'x'.repeat(4001) });
    expect([noReason.status, noReason.body.error, noReason.body.details[0].path]).toEqual([400, 'REQUEST.VALIDATION_FAILED', 'reason']);
    await t.post(`/v1/conduct-records/${rec.recordId}/appeal`, agent('A1001'), { reason: '当时在处理客户工单' }).expect(201);
    expect((await t.post(`/v1/conduct-records/${rec.recordId}/appeal`, agent('A1001'), { reason: 'again' })).body.error).toBe('QA.APPEAL_EXISTS');
    expect((await t.post(`/v1/conduct-records/${rec.recordId}/appeal/decision`, SUP, { upheld: true, reason: 'x' })).status).toBe(403);
    const blank = await t.post(`/v1/conduct-records/${rec.recordId}/appeal/decision`, HR, { upheld: 'yes', reason: '  ' });
    expect([blank.status, blank.body.error, blank.body.details.map((d: { path: string }) => d.path)]).toEqual([400, 'REQUEST.VALIDATION_FAILED', ['upheld', 'reason']]);
    const decided = await t.post(`/v1/conduct-records/${rec.recordId}/appeal/decision`, HR, { upheld: true, reason: '工单记录证实' }).expect(200);
    expect(decided.body).toEqual({ recordId: rec.recordId, status: 'upheld', voided: true, issuerAdjustment: { recordId: `overturn-${rec.recordId}`, agentId: 'S01', points: -10 } });
    const [voided] = await t.published<ConductVoidedEvent>('qa.conduct.voided');
    expect(voided).toMatchObject({ eventId: `conduct-${rec.recordId}-voided`, recordId: rec.recordId, agentId: 'A1001', reason: '工单记录证实', issuerId: 'S01' });
    const recorded = await t.published<ConductRecordedEvent>('qa.conduct.recorded', 5);
    const overturned = recorded.find((e) => e.code === 'ISSUER_OVERTURNED');
    expect(overturned).toMatchObject({ agentId: 'S01', kind: 'adjustment', points: -10, amount: 0, issuerId: 'H01', causedByRecordId: rec.recordId, category: 'appeal' });
    expect(overturned?.scorecardPart).toBeUndefined(); // against the issuer's own month: scoring puts it on their supervisor scorecard
    expect((await t.post(`/v1/conduct-records/${rec.recordId}/appeal/decision`, HR, { upheld: true, reason: 'again' })).body.error).toBe('QA.APPEAL_ALREADY_DECIDED');
    // deciding what is not there: no such record, or a record nobody appealed — both 404 (a 422 said "the rule refused")
    const noRecord = await t.post('/v1/conduct-records/no-such-record/appeal/decision', HR, { upheld: true, reason: 'x' });
    expect([noRecord.status, noRecord.body.error]).toEqual([404, 'QA.RECORD_NOT_FOUND']);
    const noAppeal = await t.post(`/v1/conduct-records/overturn-${rec.recordId}/appeal/decision`, HR, { upheld: true, reason: 'x' }); // the issuer's −10: never appealed
    expect([noAppeal.status, noAppeal.body.error, noAppeal.body.details[0].path]).toEqual([404, 'QA.APPEAL_NOT_FOUND', 'recordId']);
    expect((await t.env.query(`SELECT count(*)::int n FROM qa.conduct_record WHERE code = 'ISSUER_OVERTURNED'`))[0]).toEqual({ n: 1 });

    const kept = (await t.post('/v1/conduct-records', SUP, { agentId: 'A1001', code: 'NOISE', occurredAt: '2026-10-08T11:00:00+08:00', note: '喧哗' }).expect(201)).body;
    await t.post(`/v1/conduct-records/${kept.recordId}/appeal`, agent('A1001'), { reason: '不是我' }).expect(201);
    expect((await t.post(`/v1/conduct-records/${kept.recordId}/appeal/decision`, HR, { upheld: false, reason: '监控确认' }).expect(200)).body).toMatchObject({ status: 'rejected', voided: false, issuerAdjustment: null });
    expect((await t.get(`/v1/conduct-records/${kept.recordId}`, agent('A1001')).expect(200)).body).toMatchObject({ status: 'recorded', appeal: { status: 'rejected' } });

    // a QA inspector's record overturned: the −10 goes against the inspector's own id
    const byQa = (await t.post('/v1/conduct-records', QA1, { agentId: 'A2002', code: 'NOT_WARM', occurredAt: '2026-10-08T12:00:00+08:00', note: '不够热情' }).expect(201)).body;
    await t.post(`/v1/conduct-records/${byQa.recordId}/appeal`, agent('A2002'), { reason: '录音显示礼貌' }).expect(201);
    const qaDecided = await t.post(`/v1/conduct-records/${byQa.recordId}/appeal/decision`, HR, { upheld: true, reason: '录音核实' }).expect(200);
    expect(qaDecided.body.issuerAdjustment).toEqual({ recordId: `overturn-${byQa.recordId}`, agentId: 'Q01', points: -10 });
    const all = await t.published<ConductRecordedEvent>('qa.conduct.recorded', 8);
    expect(all.filter((e) => e.code === 'ISSUER_OVERTURNED').map((e) => [e.agentId, e.points, e.causedByRecordId])).toEqual([['S01', -10, rec.recordId], ['Q01', -10, byQa.recordId]]);
  });

  it('records KNOWLEDGE_ERROR by hand (supervisor or qa) against applying knowledge, −1', async () => {
    const bySup = await t.post('/v1/conduct-records', SUP, { agentId: 'A4004', code: 'KNOWLEDGE_ERROR', occurredAt: '2026-10-12T10:00:00+08:00', note: '报错产品价格' }).expect(201);
    expect(bySup.body).toMatchObject({ kind: 'adjustment', points: -1, amount: 0, warning: false, date: null });
    await t.post('/v1/conduct-records', QA1, { agentId: 'A4004', code: 'KNOWLEDGE_ERROR', occurredAt: '2026-10-13T10:00:00+08:00', note: '流程错误', date: '2026-10-13' }).expect(201);
    expect((await t.post('/v1/conduct-records', agent('A4004'), { agentId: 'A4004', code: 'KNOWLEDGE_ERROR', occurredAt: '2026-10-13T10:00:00+08:00', note: 'x' })).status).toBe(403);
    const events = (await t.published<ConductRecordedEvent>('qa.conduct.recorded', 10)).filter((e) => e.code === 'KNOWLEDGE_ERROR');
    expect(events.map((e) => [e.agentId, e.kind, e.points, e.amount, e.scorecardPart, e.category, e.issuerId, e.date])).toEqual([
      ['A4004', 'adjustment', -1, 0, 'knowledge', 'knowledge', 'S01', undefined], ['A4004', 'adjustment', -1, 0, 'knowledge', 'knowledge', 'Q01', '2026-10-13'],
    ]);
    expect(events[0].recordId).toBe(bySup.body.recordId);
  });

  it('takes the day a record is about (yyyy-mm-dd, a real date), stores, publishes and returns it', async () => {
    const rec = await t.post('/v1/conduct-records', SUP, { agentId: 'A4004', code: 'DESK_UNTIDY', occurredAt: '2026-10-14T18:00:00+08:00', date: '2026-10-14', note: '桌面凌乱' }).expect(201);
    expect(rec.body.date).toBe('2026-10-14');
    expect(await t.env.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, category FROM qa.conduct_record WHERE record_id = $1`, [rec.body.recordId])).toEqual([{ date: '2026-10-14', category: 'hygiene' }]);
    const published = await waitFor(async () => (await t.published<ConductRecordedEvent>('qa.conduct.recorded', 1)).find((e) => e.recordId === rec.body.recordId), 'the record published');
    expect(published).toMatchObject({ code: 'DESK_UNTIDY', date: '2026-10-14', category: 'hygiene' });
    expect((await t.get(`/v1/conduct-records/${rec.body.recordId}`, agent('A4004')).expect(200)).body).toMatchObject({ date: '2026-10-14', category: 'hygiene', amount: 0, points: 1 });
    const listed = (await t.get('/v1/conduct-records?agentId=A4004&period=2026-10', SUP).expect(200)).body.items as Array<{ recordId: string; date: string | null }>;
    expect(listed.find((r) => r.recordId === rec.body.recordId)?.date).toBe('2026-10-14');
    for (const date of ['2026-02-30', '2026-10-5', '2026-10-14T00:00:00Z', 20261014, '']) {
      const res = await t.post('/v1/conduct-records', SUP, { agentId: 'A4004', code: 'DESK_UNTIDY', occurredAt: '2026-10-14T18:00:00+08:00', date, note: 'n' });
      expect([res.status, res.body.error, res.body.details?.[0]?.path]).toEqual([400, 'REQUEST.INVALID_DATE', 'date']);
    }
  });

  it('one occurrence, one deduction: late/absent and long-hold records name their day or call and never repeat a computed or recorded one', async () => {
    const at = '2026-10-15T10:00:00+08:00';
    const late = (date?: string) => ({ agentId: 'A5005', code: 'UNEXCUSED_LATE_EARLY_ABSENT', occurredAt: at, note: '迟到', ...(date ? { date } : {}) });
    const hold = (callId?: string, agentId = 'A5005') => ({ agentId, code: 'LONG_HOLD_UNREASONED', occurredAt: at, note: '搁置', ...(callId ? { callId } : {}) });
    const refusal = async (body: object) => {
      const res = await t.post('/v1/conduct-records', SUP, body);
      return [res.status, res.body.error, res.body.details?.[0]?.path, res.body.message];
    };
    const count = async () => (await t.env.query<{ n: number }>(`SELECT count(*)::int n FROM qa.conduct_record WHERE agent_id = 'A5005'`))[0].n;

    expect((await refusal(late())).slice(0, 3)).toEqual([422, 'QA.CONDUCT_REFERENCE_REQUIRED', 'date']);
    expect((await refusal(hold())).slice(0, 3)).toEqual([422, 'QA.CONDUCT_REFERENCE_REQUIRED', 'callId']);

    // attendance closed the day with 12 unexcused minutes late: scoring deducts it, a hand record would count it twice
    await t.js.publish('attendance.day.closed', dayClosed('A5005', '2026-10-15', { lateMinutes: 12 }), 'day-A5005-2026-10-15-v1');
    await waitFor(async () => (await t.env.query(`SELECT 1 FROM qa.attendance_day WHERE agent_id = 'A5005' AND date = '2026-10-15'`)).length === 1, 'the day copied');
    const computed = await refusal(late('2026-10-15'));
    expect(computed.slice(0, 3)).toEqual([409, 'QA.CONDUCT_DUPLICATES_COMPUTED', 'date']);
    expect(computed[3]).toMatch(/2026-10-15.*\/.*迟到/);
    // absent, excused → nothing computed; early leave unexcused → computed
    await t.js.publish('attendance.day.closed', dayClosed('A5005', '2026-10-16', { status: 'absent', excused: true }), 'day-A5005-2026-10-16-v1');
    await t.js.publish('attendance.day.closed', dayClosed('A5005', '2026-10-17', { earlyLeaveMinutes: 30 }), 'day-A5005-2026-10-17-v1');
    await waitFor(async () => (await t.env.query(`SELECT 1 FROM qa.attendance_day WHERE agent_id = 'A5005'`)).length === 3, 'three days copied');
    expect(await t.env.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, version, unexcused_late_early_absent AS u FROM qa.attendance_day WHERE agent_id = 'A5005' ORDER BY date`)).toEqual([
      { date: '2026-10-15', version: 1, u: true }, { date: '2026-10-16', version: 1, u: false }, { date: '2026-10-17', version: 1, u: true },
    ]);
    expect((await refusal(late('2026-10-17'))).slice(0, 3)).toEqual([409, 'QA.CONDUCT_DUPLICATES_COMPUTED', 'date']);
    const onExcused = await t.post('/v1/conduct-records', SUP, late('2026-10-16')).expect(201);
    expect(onExcused.body).toMatchObject({ points: 5, date: '2026-10-16' });
    expect((await refusal(late('2026-10-16'))).slice(0, 3)).toEqual([409, 'QA.CONDUCT_DUPLICATE_RECORD', 'date']);

    // a correction (version 2) excuses the 15th; an older version arriving later changes nothing
    await t.js.publish('attendance.day.closed', dayClosed('A5005', '2026-10-15', { lateMinutes: 12, excused: true, version: 2 }), 'day-A5005-2026-10-15-v2');
    await waitFor(async () => (await t.env.query(`SELECT 1 FROM qa.attendance_day WHERE agent_id = 'A5005' AND date = '2026-10-15' AND version = 2`)).length === 1, 'the correction copied');
    await t.js.publish('attendance.day.closed', { ...dayClosed('A5005', '2026-10-15', { lateMinutes: 40 }), eventId: 'day-A5005-2026-10-15-v1-again' }, 'day-A5005-2026-10-15-v1-again');
    await t.js.publish('attendance.day.closed', dayClosed('A5005', '2026-10-18'), 'day-A5005-2026-10-18-v1'); // a marker behind it on the same consumer
    await waitFor(async () => (await t.env.query(`SELECT 1 FROM qa.attendance_day WHERE agent_id = 'A5005' AND date = '2026-10-18'`)).length === 1, 'the marker day');
    expect(await t.env.query(`SELECT version, late_minutes AS late, unexcused_late_early_absent AS u FROM qa.attendance_day WHERE agent_id = 'A5005' AND date = '2026-10-15'`)).toEqual([{ version: 2, late: 12, u: false }]);
    await t.post('/v1/conduct-records', SUP, late('2026-10-15')).expect(201);
    await t.post('/v1/conduct-records', SUP, late('2026-10-20')).expect(201); // a day attendance has not closed yet: scoring ignores it later if needed

    // calls: the agent's longest hold over the telephony limit (120 s by default) is computed
    await t.js.publish('telephony.call.summarized', callSummary('h-1', 'A5005', {}, { longestHoldMs: 150_000, holdMs: 150_000 }), 'call-h-1-v1');
    await t.js.publish('telephony.call.summarized', callSummary('h-2', 'A5005', {}, { longestHoldMs: 120_000, holdMs: 200_000 }), 'call-h-2-v1');
    await waitFor(async () => (await t.env.query(`SELECT 1 FROM qa.call_fact WHERE call_id IN ('h-1', 'h-2')`)).length === 2, 'the calls copied');
    expect((await refusal(hold('h-1'))).slice(0, 3)).toEqual([409, 'QA.CONDUCT_DUPLICATES_COMPUTED', 'callId']);
    const h2 = await t.post('/v1/conduct-records', SUP, hold('h-2')).expect(201); // exactly at the limit: not a computed long hold
    expect(h2.body).toMatchObject({ kind: 'points', points: 2 });
    expect((await refusal(hold('h-2'))).slice(0, 3)).toEqual([409, 'QA.CONDUCT_DUPLICATE_RECORD', 'callId']);
    await t.post('/v1/conduct-records', QA1, hold('h-1', 'A6006')).expect(201); // another agent's hold on the call is not A5005's computed one
    expect(await count()).toBe(4);
    const events = await waitFor(async () => {
      const mine = (await t.published<ConductRecordedEvent>('qa.conduct.recorded', 1)).filter((e) => e.agentId === 'A5005');
      return mine.length === 4 ? mine : null;
    }, 'the four records of A5005 published');
    expect(events.map((e) => [e.code, e.date, e.callId, e.category])).toEqual([
      ['UNEXCUSED_LATE_EARLY_ABSENT', '2026-10-16', undefined, 'discipline'], ['UNEXCUSED_LATE_EARLY_ABSENT', '2026-10-15', undefined, 'discipline'],
      ['UNEXCUSED_LATE_EARLY_ABSENT', '2026-10-20', undefined, 'discipline'], ['LONG_HOLD_UNREASONED', undefined, 'h-2', 'phone'],
    ]);
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
      [{ agentId: 'A1001', code: 'NOISE', occurredAt: '9 Oct', note: 'n' }, 400, 'REQUEST.VALIDATION_FAILED', 'occurredAt'],
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
    const noAgent = await t.post(`/v1/complaints/${c2.complaintId}/judgement`, SUP, { valid: true, category: 'process', reason: '核实' });
    expect([noAgent.status, noAgent.body.error, noAgent.body.details[0].path]).toEqual([422, 'QA.COMPLAINT_AGENT_REQUIRED', 'agentId']);
    for (const category of ['no-callback', 'Attitude', 'knowledge ']) {
      const unknown = await t.post(`/v1/complaints/${c2.complaintId}/judgement`, SUP, { valid: false, agentId: 'A2002', category, reason: '已回电' });
      expect([unknown.status, unknown.body.error, unknown.body.details[0].path]).toEqual([422, 'QA.COMPLAINT_CATEGORY_UNKNOWN', 'category']);
      expect(unknown.body.message).toBe('category must be one of attitude, knowledge, process, other / 投诉类别须为以下之一: attitude(服务态度)、knowledge(产品知识)、process(工作流程)、other(其他)');
    }
    await t.post(`/v1/complaints/${c1.complaintId}/judgement`, SUP, { valid: true, category: 'attitude', reason: '录音核实' }).expect(200);
    await t.post(`/v1/complaints/${c2.complaintId}/judgement`, SUP, { valid: false, agentId: 'A2002', category: 'other', reason: '已回电' }).expect(200);
    expect((await t.post(`/v1/complaints/${c1.complaintId}/judgement`, QA1, { valid: true, category: 'attitude', reason: 'x' })).status).toBe(403);
    const events = await t.published<ComplaintJudgedEvent>('qa.complaint.judged', 2);
    expect(events.map((e) => [e.complaintId, e.agentId, e.valid, e.category, e.receivedAt, e.version])).toEqual([
      [c1.complaintId, 'A1001', true, 'attitude', '2026-10-03T01:00:00.000Z', 1], [c2.complaintId, 'A2002', false, 'other', '2026-10-04T01:00:00.000Z', 1],
    ]);
    expect((await t.get('/v1/complaints/stats?period=2026-10', SUP).expect(200)).body).toEqual({ period: '2026-10', categories: [
      { category: 'attitude', valid: 1, invalid: 0 }, { category: 'other', valid: 0, invalid: 1 },
    ] });
    expect((await t.get('/v1/complaints/stats?period=2026-10', MANAGER).expect(200)).body.categories).toHaveLength(2);
    expect((await t.get(`/v1/complaints/${c1.complaintId}`, MANAGER).expect(200)).body).toMatchObject({ category: 'attitude', valid: true });
    expect((await t.post(`/v1/complaints/${c1.complaintId}/judgement`, MANAGER, { valid: true, category: 'attitude', reason: 'x' })).status).toBe(403);
    const misshapen = await t.post(`/v1/complaints/${c1.complaintId}/judgement`, SUP, { valid: 'true', category: 'attitude', reason: 'x', severity: 'high' });
    expect([misshapen.status, misshapen.body.error, misshapen.body.details.map((d: { path: string }) => d.path)]).toEqual([400, 'REQUEST.VALIDATION_FAILED', ['severity', 'valid']]);
    expect((await t.get('/v1/complaints', agent('A1001')).expect(200)).body.items.map((c: { complaintId: string }) => c.complaintId)).toEqual([c1.complaintId]);
    expect((await t.get(`/v1/complaints/${c1.complaintId}`, agent('A2002'))).status).toBe(403);
  });

  it('takes its parameters and catalogue amounts from the policy scoring activates', async () => {
    expect((await t.get('/v1/policy', HR).expect(200)).body).toMatchObject({ version: 'default-1', values: { appeals: { windowDays: 7 }, disputes: { windowDays: 7, maxPerMonth: 3 } } });
    expect((await t.get('/v1/policy', MANAGER).expect(200)).body.values).toMatchObject({
      telephony: { holdLimitMs: 120_000 }, conduct: { referenceRequired: { UNEXCUSED_LATE_EARLY_ABSENT: 'date', LONG_HOLD_UNREASONED: 'callId' } },
    });
    await t.js.publish('scoring.policy.activated', {
      policyVersion: 'p-2', effectiveFrom: '2026-10-01T00:00:00+08:00', telephony: { ringCycleMs: 5_000, ringLimitRings: 3, holdLimitMs: 60_000, mosMin: 3.5, timeZone: 'Asia/Shanghai' },
      qa: { appeals: { windowDays: 1 }, conduct: { firstOffenceWarning: true }, catalogue: { PHONE_CHAT: { amount: 40 } }, bogus: 1 },
    }, 'policy-p-2');
    await waitFor(async () => (await t.get('/v1/policy', HR)).body.version === 'p-2', 'policy p-2');
    const values = (await t.get('/v1/policy', HR).expect(200)).body.values;
    expect(values).toMatchObject({ appeals: { windowDays: 1 }, disputes: { windowDays: 7 }, timeZone: 'Asia/Shanghai' });
    // qa keeps scoring's hold limit (and only it) from the telephony section; the record references keep their default
    expect(values.telephony).toEqual({ holdLimitMs: 60_000 });
    expect(values.conduct).toMatchObject({ firstOffenceWarning: true, referenceRequired: { UNEXCUSED_LATE_EARLY_ABSENT: 'date', LONG_HOLD_UNREASONED: 'callId' } });
    await t.js.publish('telephony.call.summarized', callSummary('h-9', 'A7007', {}, { longestHoldMs: 90_000, holdMs: 90_000 }), 'call-h-9-v1');
    await waitFor(async () => (await t.env.query(`SELECT 1 FROM qa.call_fact WHERE call_id = 'h-9'`)).length === 1, 'call h-9 copied');
    const held = await t.post('/v1/conduct-records', SUP, { agentId: 'A7007', code: 'LONG_HOLD_UNREASONED', callId: 'h-9', occurredAt: '2026-10-09T11:00:00+08:00', note: 'n' });
    expect([held.status, held.body.error, held.body.details[0].path]).toEqual([409, 'QA.CONDUCT_DUPLICATES_COMPUTED', 'callId']); // 90 s > the new 60 s limit
    const items = (await t.get('/v1/conduct-catalogue', HR).expect(200)).body.items as Array<{ code: string; amount: number }>;
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
    const noSection = await t.put('/v1/policy', ADMIN, { policyVersion: '', qa: [] });
    expect([noSection.status, noSection.body.error, noSection.body.details.map((d: { path: string }) => d.path)]).toEqual([400, 'REQUEST.VALIDATION_FAILED', ['policyVersion', 'qa']]);
    // the catalogue: a field of the wrong type or not changeable is the pipe's 400, a default outside its range qa's
    for (const [body, error, path] of [[{ amount: 'ten' }, 'REQUEST.VALIDATION_FAILED', 'amount'], [{ kind: 'reward' }, 'REQUEST.VALIDATION_FAILED', 'kind'], [{ labelEn: null }, 'REQUEST.VALIDATION_FAILED', 'labelEn'], [{ amount: 1_000 }, 'QA.REQUEST_INVALID', 'amount']] as const) {
      const res = await t.put('/v1/conduct-catalogue/PHONE_CHAT', HR, body);
      expect([res.status, res.body.error, res.body.details[0].path]).toEqual([400, error, path]);
    }
    expect((await t.put('/v1/conduct-catalogue/PHONE_CHAT', HR, { labelEn: 'Chatting on the phone', amount: 40 }).expect(200)).body).toMatchObject({ code: 'PHONE_CHAT', labelEn: 'Chatting on the phone', amount: 40 });
  });
});
