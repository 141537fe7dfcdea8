import request from 'supertest';
import type { AgentUpsertedEvent } from '@app/contracts';
import { encodeCursor } from '@app/platform';
import type { AttendanceDayClosedEvent } from '../src/closing/to-day-closed-event';
import { DEFAULT_SHIFT_TYPES } from '../src/domain/days/shift-type';
import { agent, startAttendance, type AttendanceHarness } from './attendance-harness';

const DAY = 'attendance.day.closed';
const dayOf = (agentId: string, date: string) => (e: AttendanceDayClosedEvent) => e.agentId === agentId && e.date === date;

describe('attendance through its public API (real NATS, real PostgreSQL)', () => {
  let t: AttendanceHarness;

  beforeAll(async () => {
    t = await startAttendance();
  });
  afterAll(async () => t?.close());

  it('serves health, metrics and its OpenAPI document with the contract paths', async () => {
    expect((await request(t.url).get('/health/ready')).status).toBe(200);
    const doc = (await request(t.url).get('/docs-json')).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/v1/agents', '/v1/agents/{agentId}', '/v1/rosters', '/v1/shift-types', '/v1/clock-events', '/v1/leave', '/v1/leave/{leaveId}/decision',
      '/v1/holidays', '/v1/shift-swaps', '/v1/shift-swaps/{swapId}/consent', '/v1/shift-swaps/{swapId}/decision',
      '/v1/attendance/days/{agentId}/{date}/correction', '/v1/attendance/summary',
    ]));
    const asyncapi = (await request(t.url).get('/asyncapi.json')).body as { channels: Record<string, { address: string }> };
    expect(Object.values(asyncapi.channels).map((c) => c.address)).toEqual(
      expect.arrayContaining(['attendance.agent.upserted', 'attendance.day.closed', 'attendance.violation.recorded', 'telephony.agent.state', 'scoring.policy.activated']),
    );
    // Seeded on first start; listed by code, a page at a time.
    expect((await t.get('/v1/shift-types', ['agent'], 'A1')).body).toEqual({ items: [...DEFAULT_SHIFT_TYPES].reverse(), nextCursor: null });
    const first = (await t.get('/v1/shift-types?limit=1', ['agent'], 'A1')).body;
    expect(first).toEqual({ items: [DEFAULT_SHIFT_TYPES[DEFAULT_SHIFT_TYPES.length - 1]], nextCursor: expect.any(String) });
    expect((await t.get(`/v1/shift-types?limit=1000&cursor=${first.nextCursor}`, ['agent'], 'A1')).body).toEqual({ items: [...DEFAULT_SHIFT_TYPES].reverse().slice(1), nextCursor: null });
    expect((await t.get('/v1/agents', ['agent'], 'A1')).status).toBe(403);
    expect((await request(t.url).get('/v1/agents')).status).toBe(401);
  });

  it('upserts agents, publishes each version once, and refuses a fourth agent in a region of a team', async () => {
    const first = await t.post('/v1/agents', [agent('A1'), agent('A2', { region: 'south' }), agent('A4'), agent('A5'), agent('A6'), agent('A1')]);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ accepted: 4, unchanged: 1 });
    expect(first.body.rejected).toEqual([
      { index: 4, id: 'A6', code: 'ATTENDANCE.REGION_FULL', errors: [{ path: 'agents[4].region', message: expect.stringContaining('at most 3') }] },
    ]);
    const single = await t.post('/v1/agents', agent('A7', { region: 'east' }));
    expect(single.status).toBe(409);
    expect(single.body).toMatchObject({ error: 'ATTENDANCE.REGION_FULL', details: [{ path: 'region' }] });
    expect((await t.post('/v1/agents', agent('A7', { region: 'east', team: 'T2' }))).body).toMatchObject({ accepted: 1 });
    await t.post('/v1/agents', agent('A1', { name: '李娜' })).expect(200);
    const events = await t.published<AgentUpsertedEvent>('attendance.agent.upserted', (e) => e.agentId === 'A1', 2);
    expect(events.map((e) => [e.eventId, e.version, e.name])).toEqual([['agent-A1-v1', 1, '坐席 A1'], ['agent-A1-v2', 2, '李娜']]);
    expect(events[1]).toMatchObject({ schemaVersion: 1, team: 'T1', region: 'east', role: 'agent', level: 'regular', active: true, language: 'zh-CN' });
    expect((await t.get('/v1/agents/A1', ['agent'], 'A1')).body).toMatchObject({ agentId: 'A1', name: '李娜', version: 2 });
    expect((await t.get('/v1/agents/A2', ['agent'], 'A1')).status).toBe(403);
  });

  it('imports a CSV, keeping the good rows and reporting each bad one by row and column', async () => {
    const csv = [
      'agentId,name,team,region,role,hireDate,level,active',
      'C1,王芳,T3,north,agent,2026-01-10,trainee,true',
      'C2,张伟,T3,moon,agent,2026-01-10,regular,true',
      'C3,刘洋,T3,west,agent,2026-02-30,regular,true',
      'C4,陈静,T3,south,agent,2026-04-01,one-star,false',
    ].join('\n');
    const res = await t.post('/v1/agents', csv).set('Content-Type', 'text/csv');
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(2);
    expect(res.body.rejected).toEqual([
      { index: 1, row: 3, code: 'REQUEST.VALIDATION_FAILED', errors: [{ path: 'rows[1].region', message: expect.any(String) }] },
      { index: 2, row: 4, code: 'REQUEST.VALIDATION_FAILED', errors: [{ path: 'rows[2].region', message: expect.any(String) }, { path: 'rows[2].hireDate', message: expect.stringContaining('yyyy-mm-dd') }] },
    ]);
    expect((await t.get('/v1/agents/C4')).body).toMatchObject({ level: 'one-star', active: false });
    expect((await t.get('/v1/agents/C2')).body).toMatchObject({ error: 'ATTENDANCE.UNKNOWN_AGENT' });
  });

  it('takes rosters, refusing bad items by index and path, and a roster for a deactivated agent', async () => {
    await t.post('/v1/shift-types', { code: 'night', nameZh: '夜班', nameEn: 'night', start: '22:00', end: '06:00' }).expect(200);
    const res = await t.post('/v1/rosters', [
      { agentId: 'A1', date: '2026-10-05', shift: 'morning' },
      { agentId: 'A1', date: '2026-10-06', shift: 'morning' },
      { agentId: 'A2', date: '2026-10-31', shift: 'night' },
      { agentId: 'NOPE', date: '2026-10-05', shift: 'morning' },
      { agentId: 'A1', date: '2026-02-30', shift: 'morning' },
      { agentId: 'A1', date: '2026-10-07', shift: 'brunch' },
      { agentId: 'C4', date: '2026-10-05', shift: 'morning' },
    ], ['supervisor']);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 3, unchanged: 0 });
    expect(res.body.rejected.map((r: { index: number; code: string; errors: Array<{ path: string }> }) => [r.index, r.code, r.errors[0].path])).toEqual([
      [3, 'ATTENDANCE.UNKNOWN_AGENT', 'rosters[3].agentId'],
      [4, 'REQUEST.VALIDATION_FAILED', 'rosters[4].date'],
      [5, 'ATTENDANCE.INVALID', 'rosters[5].shift'],
      [6, 'AUTH.OUTSIDE_YOUR_TEAM', 'rosters[6].agentId'], // C4 is in T3, not a team S01 leads
    ]);
    const all = await t.post('/v1/rosters', [{ agentId: 'C4', date: '2026-10-05', shift: 'morning' }], ['hr']);
    expect(all.status).toBe(400);
    expect(all.body).toMatchObject({ error: 'ATTENDANCE.ITEMS_REJECTED', details: [{ path: 'rosters[0].agentId' }], rejected: [{ code: 'ATTENDANCE.AGENT_INACTIVE' }] });
    const days = [
      { agentId: 'A1', date: '2026-10-05', shift: 'morning', swapId: null, closed: false },
      { agentId: 'A1', date: '2026-10-06', shift: 'morning', swapId: null, closed: false },
      { agentId: 'A2', date: '2026-10-31', shift: 'night', swapId: null, closed: false },
    ];
    expect((await t.get('/v1/rosters?period=2026-10', ['supervisor'])).body).toEqual({ items: days, nextCursor: null });
    // Two a page: the cursor names (agentId, date) of the last day, and the next page starts after it.
    const page1 = (await t.get('/v1/rosters?period=2026-10&limit=2', ['supervisor'])).body;
    expect(page1).toEqual({ items: days.slice(0, 2), nextCursor: expect.any(String) });
    expect((await t.get(`/v1/rosters?period=2026-10&limit=2&cursor=${page1.nextCursor}`, ['supervisor'])).body).toEqual({ items: days.slice(2), nextCursor: null });
  });

  it('stores clock events once whatever the order, and rejects bad ones by index with the good ones kept', async () => {
    const out = { eventId: 'k-a1-05-out', agentId: 'A1', type: 'out', at: '2026-10-05T15:31:00+08:00' };
    const inn = { eventId: 'k-a1-05-in', agentId: 'A1', type: 'in', at: '2026-10-05T08:38:20+08:00' };
    const first = await t.post('/v1/clock-events', [out], ['clock']);
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ accepted: 1, duplicates: 0, rejected: [], reopenedDays: 0 });
    const nextYear = new Date(Date.now() + 366 * 86_400_000).toISOString();
    const ndjson = [inn, out, { eventId: 'k-x', agentId: 'A1', type: 'in', at: nextYear }, { eventId: 'k-y', agentId: 'ZZ', type: 'in', at: '2026-10-05T08:00:00+08:00' }]
      .map((e) => JSON.stringify(e)).join('\n') + '\n{oops\n';
    const second = await t.post('/v1/clock-events', ndjson, ['clock']).set('Content-Type', 'application/x-ndjson');
    expect(second.status).toBe(202);
    expect(second.body).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(second.body.rejected.map((r: { index: number; errors: Array<{ path: string }> }) => [r.index, r.errors[0].path])).toEqual([
      [2, 'events[2].at'], [3, 'events[3].agentId'], [4, 'events[4]'],
    ]);
    const more = [
      { eventId: 'k-a1-06-in', agentId: 'A1', type: 'in', at: '2026-10-06T07:55:00+08:00' },
      { eventId: 'k-a2-31-out', agentId: 'A2', type: 'out', at: '2026-11-01T06:02:00+08:00' },
      { eventId: 'k-a2-31-in', agentId: 'A2', type: 'in', at: '2026-10-31T21:58:00+08:00' },
    ];
    expect((await t.post('/v1/clock-events', more, ['clock'])).body).toMatchObject({ accepted: 3, duplicates: 0, rejected: [] });
    const bad = await t.post('/v1/clock-events', [{ eventId: 'b', agentId: 'A1', type: 'sideways', at: 'yesterday' }], ['clock']);
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path)).toEqual(['events[0].type', 'events[0].at']);
    expect((await t.post('/v1/clock-events', [inn], ['agent'], 'A1')).status).toBe(403);
  });

  it('closes the days: late with the minutes, a missed clock-out flagged, an overnight shift on the month it began', async () => {
    const res = await t.post('/v1/attendance/days/close', {}, ['supervisor']);
    expect(res.body).toEqual({ days: 3, published: 3 });
    const [a105] = await t.published<AttendanceDayClosedEvent>(DAY, dayOf('A1', '2026-10-05'));
    expect(a105).toMatchObject({
      eventId: 'day-A1-2026-10-05-v1', schemaVersion: 1, shift: 'morning', status: 'present', lateMinutes: 39, earlyLeaveMinutes: 0,
      excused: false, missedClockOut: false, clockIn: '2026-10-05T00:38:20.000Z', clockOut: '2026-10-05T07:31:00.000Z', version: 1, cause: 'closed',
    });
    expect(a105.reasons).toEqual([{ code: 'LATE', zh: '迟到 39 分钟', en: 'late 39 min' }]);
    const [a106] = await t.published<AttendanceDayClosedEvent>(DAY, dayOf('A1', '2026-10-06'));
    expect(a106).toMatchObject({ status: 'present', lateMinutes: 0, earlyLeaveMinutes: 0, missedClockOut: true, clockOut: null, version: 1 });
    const [a231] = await t.published<AttendanceDayClosedEvent>(DAY, dayOf('A2', '2026-10-31'));
    expect(a231).toMatchObject({ shift: 'night', status: 'present', lateMinutes: 0, earlyLeaveMinutes: 0, workedMinutes: 484, version: 1 });
    expect((await t.post('/v1/attendance/days/close', {}, ['supervisor'])).body).toEqual({ days: 0, published: 0 });
  });

  it('re-publishes version 2 after a correction, and after a late clock-out', async () => {
    const noReason = await t.post('/v1/attendance/days/A1/2026-10-05/correction', { in: '2026-10-05T08:00:00+08:00' }, ['supervisor']);
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ error: 'REQUEST.VALIDATION_FAILED', details: [{ path: 'reason' }] });
    const fixed = await t.post('/v1/attendance/days/A1/2026-10-05/correction', { in: '2026-10-05T08:00:00+08:00', reason: '打卡机故障 / badge reader down' }, ['supervisor']);
    expect(fixed.status).toBe(200);
    expect(fixed.body.day).toMatchObject({ version: 2, lateMinutes: 0, cause: 'corrected', correctionReason: '打卡机故障 / badge reader down' });
    const versions = await t.published<AttendanceDayClosedEvent>(DAY, dayOf('A1', '2026-10-05'), 2);
    expect(versions.map((v) => [v.eventId, v.version, v.lateMinutes])).toEqual([['day-A1-2026-10-05-v1', 1, 39], ['day-A1-2026-10-05-v2', 2, 0]]);

    const late = await t.post('/v1/clock-events', [{ eventId: 'k-a1-06-out', agentId: 'A1', type: 'out', at: '2026-10-06T15:20:00+08:00' }], ['clock']);
    expect(late.body).toMatchObject({ accepted: 1, reopenedDays: 1 });
    expect((await t.post('/v1/attendance/days/close', {}, ['hr'])).body).toEqual({ days: 1, published: 1 });
    const six = await t.published<AttendanceDayClosedEvent>(DAY, dayOf('A1', '2026-10-06'), 2);
    expect(six[1]).toMatchObject({ version: 2, missedClockOut: false, earlyLeaveMinutes: 10, cause: 'closed' });
    // The same event again changes nothing and re-publishes nothing.
    await t.post('/v1/clock-events', [{ eventId: 'k-a1-06-out', agentId: 'A1', type: 'out', at: '2026-10-06T15:20:00+08:00' }], ['clock']).expect(202);
    expect((await t.post('/v1/attendance/days/close', {}, ['hr'])).body).toEqual({ days: 0, published: 0 });

    // A roster change after the close is a correction too: kept with its reason, the day decided again.
    await t.post('/v1/rosters', [{ agentId: 'A2', date: '2026-10-31', shift: 'morning' }], ['supervisor']).expect(200);
    expect((await t.post('/v1/attendance/days/close', {}, ['hr'])).body).toEqual({ days: 1, published: 1 });
    const a231 = await t.published<AttendanceDayClosedEvent>(DAY, dayOf('A2', '2026-10-31'), 2);
    expect(a231[1]).toMatchObject({ version: 2, shift: 'morning', status: 'absent', correctionReason: '排班改为 morning / roster changed to morning' });
    const history = (await t.get('/v1/attendance/days/A2/2026-10-31', ['hr'])).body;
    expect(history.corrections).toEqual([{ reason: '排班改为 morning / roster changed to morning', by: 'S01', at: expect.any(String) }]);
  });

  it('summarises the month per agent with the days behind every figure', async () => {
    const res = await t.get('/v1/attendance/summary?period=2026-10&agentId=A1', ['payroll']);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ period: '2026-10', nextCursor: null });
    const [a1] = res.body.items;
    expect(a1).toMatchObject({
      agentId: 'A1', rosteredDays: 2, worked: 2, lateCount: 0, lateMinutes: 0, earlyLeaveCount: 1, earlyLeaveMinutes: 10, absences: 0,
      fullAttendance: false, daysAwayInWindow: 0, awayWindow: ['2026-08', '2026-09', '2026-10'], unrosteredClockEvents: 0,
    });
    expect(a1.records).toMatchObject({ worked: ['2026-10-05', '2026-10-06'], earlyLeave: ['2026-10-06'], fullAttendanceBrokenBy: ['2026-10-06'] });
    expect(a1.days.map((d: AttendanceDayClosedEvent) => d.version)).toEqual([2, 2]);
    // The whole centre at once: the same figures, the days named by date rather than sent in full.
    const all = (await t.get('/v1/attendance/summary?period=2026-10', ['hr'])).body.items;
    expect(all.map((a: { agentId: string }) => a.agentId)).toEqual(['A1', 'A2']);
    // A page at a time, by agentId, the period beside the items on every page.
    const first = (await t.get('/v1/attendance/summary?period=2026-10&limit=1', ['hr'])).body;
    expect(first).toEqual({ period: '2026-10', items: [all[0]], nextCursor: expect.any(String) });
    expect((await t.get(`/v1/attendance/summary?period=2026-10&limit=1&cursor=${first.nextCursor}`, ['hr'])).body).toEqual({ period: '2026-10', items: [all[1]], nextCursor: null });
    const { days: _days, ...figures } = a1;
    expect(all[0]).toEqual(figures);
    expect((await t.get('/v1/attendance/summary?period=2026-10&agentId=A2', ['agent'], 'A1')).status).toBe(403);
    const mine = await t.get('/v1/attendance/summary?period=2026-10', ['agent'], 'A2');
    expect(mine.body.items.map((a: { agentId: string }) => a.agentId)).toEqual(['A2']);
    const bad = await t.get('/v1/attendance/summary?period=2026-13', ['hr']);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: 'REQUEST.INVALID_PERIOD', message: expect.any(String), details: [{ path: 'period', message: expect.stringContaining('yyyy-mm') }] });
  });

  it('answers every list a page at a time, and refuses a limit out of bounds or a cursor it did not write', async () => {
    // The directory one agent a page: the same agents, in agentId order, as in one page.
    const whole = (await t.get('/v1/agents?limit=1000')).body as { items: Array<{ agentId: string }>; nextCursor: null };
    expect(whole.nextCursor).toBeNull();
    const walked: string[] = [];
    for (let cursor: string | null = null; ; ) {
      const page = (await t.get(`/v1/agents?limit=1${cursor ? `&cursor=${cursor}` : ''}`).expect(200)).body as { items: Array<{ agentId: string }>; nextCursor: string | null };
      walked.push(...page.items.map((a) => a.agentId));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(walked).toEqual(whole.items.map((a) => a.agentId));
    expect(walked.length).toBeGreaterThan(2);
    expect(walked).toEqual([...walked].sort());

    const refused = async (path: string, code: string, at: string) => {
      const res = await t.get(path);
      expect([path, res.status, res.body.error, res.body.details?.map((d: { path: string }) => d.path)]).toEqual([path, 400, code, [at]]);
    };
    for (const limit of ['0', '1001', '1.5', 'all']) await refused(`/v1/agents?limit=${limit}`, 'REQUEST.INVALID_INTEGER', 'limit');
    await refused('/v1/leave-types?limit=0', 'REQUEST.INVALID_INTEGER', 'limit');
    // Another list's cursor, a date that is no date, text PostgreSQL cannot hold, an edited cursor: 400, never a query.
    await refused(`/v1/rosters?period=2026-10&cursor=${encodeCursor(['A1'])}`, 'REQUEST.INVALID_CURSOR', 'cursor');
    await refused(`/v1/rosters?period=2026-10&cursor=${encodeCursor(['A1', '2026-02-30'])}`, 'REQUEST.INVALID_CURSOR', 'cursor');
    await refused(`/v1/holidays?year=2026&cursor=${encodeCursor(['soon'])}`, 'REQUEST.INVALID_CURSOR', 'cursor');
    await refused(`/v1/agents?cursor=${encodeCursor(['A\u00001'])}`, 'REQUEST.INVALID_CURSOR', 'cursor');
    await refused(`/v1/shift-swaps?cursor=${encodeCursor(['2026-10-05', 7])}`, 'REQUEST.INVALID_CURSOR', 'cursor');
    await refused(`/v1/attendance/summary?period=2026-10&cursor=${encodeCursor(['A1']).slice(0, -2)}x`, 'REQUEST.INVALID_CURSOR', 'cursor');
    // The leave types of the policy, by code, pages of one.
    const types = (await t.get('/v1/leave-types')).body as { items: Array<{ code: string }>; nextCursor: null };
    const second = (await t.get(`/v1/leave-types?limit=1&cursor=${encodeCursor([types.items[0].code])}`)).body;
    expect(second).toEqual({ items: [types.items[1]], nextCursor: expect.any(String) });
    expect(types.items.map((x) => x.code)).toEqual(types.items.map((x) => x.code).sort());
  });
});
