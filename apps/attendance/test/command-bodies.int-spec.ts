import request from 'supertest';
import { agent, startAttendance, type AttendanceHarness } from './attendance-harness';

type Answer = { status: number; body: { error?: string; details?: Array<{ path: string; message: string }> } };

/**
 * Issue 18: every body is a command class checked at the edge — a shape refusal is 400
 * REQUEST.VALIDATION_FAILED with each bad field's path, the OpenAPI schema is the class, and rules
 * over several fields keep attendance's own code.
 */
describe('attendance request bodies as command classes (real NATS, real PostgreSQL)', () => {
  let t: AttendanceHarness;
  const refused = (res: Answer, code: string, paths: string[]) => {
    expect([res.status, res.body.error]).toEqual([400, code]);
    expect(res.body.details?.map((d) => d.path).sort()).toEqual([...paths].sort());
  };

  beforeAll(async () => {
    t = await startAttendance();
    await t.post('/v1/agents', [agent('A1'), agent('A2')]).expect(200);
    await t.post('/v1/rosters', [{ agentId: 'A1', date: '2026-10-05', shift: 'morning' }], ['supervisor']).expect(200);
  });
  afterAll(async () => t?.close());

  it('refuses wrong types, blank text and unknown fields of single bodies by path', async () => {
    refused(await t.post('/v1/leave', { agentId: ' ', type: 7, from: '2026-10-05', to: '2026-10-05', halfDay: 'noon', extra: 1 }, ['hr']), 'REQUEST.VALIDATION_FAILED', ['agentId', 'type', 'halfDay', 'extra']);
    refused(await t.post('/v1/leave/leave-x/decision', { approve: 'yes', reason: 3 }, ['hr']), 'REQUEST.VALIDATION_FAILED', ['approve', 'reason']);
    refused(await t.post('/v1/shift-swaps/swap-x/decision', {}, ['supervisor']), 'REQUEST.VALIDATION_FAILED', ['approve']);
    refused(await t.post('/v1/shift-swaps', { requesterId: 'A1', counterpartId: 'A2', date: '2026-10-05' }, ['supervisor']), 'REQUEST.INVALID_DATE', ['paybackDate']);
    refused(await t.post('/v1/shift-types', { code: 'off', start: '9:00', end: '18:00', lateGraceMinutes: 1441 }, ['hr']), 'REQUEST.VALIDATION_FAILED', ['code', 'start', 'lateGraceMinutes']);
    refused(await t.post('/v1/attendance/days/A1/2026-10-05/correction', { in: 'soon', status: 'asleep', excused: 'no', reason: 'r' }, ['supervisor']), 'REQUEST.VALIDATION_FAILED', ['in', 'status', 'excused']);
    refused(await t.post('/v1/attendance/days/close', { asOf: 'yesterday' }, ['supervisor']), 'REQUEST.VALIDATION_FAILED', ['asOf']);
    // A list where one object belongs: refused whole, the list's element an unknown field.
    refused(await t.post('/v1/leave', [{ agentId: 'A1' }], ['hr']), 'REQUEST.VALIDATION_FAILED', ['[0]', 'agentId', 'type', 'from', 'to']);
  });

  it("keeps attendance's own code for rules over several fields or the clock", async () => {
    refused(await t.post('/v1/leave', { agentId: 'A1', type: 'annual', from: '2026-10-06', to: '2026-10-05' }, ['hr']), 'ATTENDANCE.INVALID', ['to']);
    refused(await t.post('/v1/shift-types', { code: 'flat', start: '09:00', end: '09:00' }, ['hr']), 'ATTENDANCE.INVALID', ['end']);
    const backwards = { in: '2026-10-05T15:00:00+08:00', out: '2026-10-05T08:00:00+08:00', reason: 'r' };
    refused(await t.post('/v1/attendance/days/A1/2026-10-05/correction', backwards, ['supervisor']), 'ATTENDANCE.INVALID', ['out']);
    refused(await t.post('/v1/attendance/days/close', { asOf: new Date(Date.now() + 86_400_000).toISOString() }, ['supervisor']), 'ATTENDANCE.INVALID', ['asOf']);
  });

  it('checks batch items one by one against the same class, JSON and CSV alike', async () => {
    const json = await t.post('/v1/agents', [agent('B1'), agent('B2', { active: 'false', extra: 1 })]).expect(200);
    expect(json.body).toMatchObject({ accepted: 1, rejected: [{ index: 1, code: 'REQUEST.VALIDATION_FAILED' }] });
    expect(json.body.rejected[0].errors.map((e: { path: string }) => e.path).sort()).toEqual(['agents[1].active', 'agents[1].extra']);
    const csv = await t.post('/v1/agents', 'agentId,name,team,region,hireDate,active\nC1,王芳,T1,east,2026-03-01,FALSE\nC2,张伟,T1,east,2026-03-01,maybe\n').set('Content-Type', 'text/csv').expect(200);
    expect(csv.body).toMatchObject({ accepted: 1, rejected: [{ index: 1, row: 3, code: 'REQUEST.VALIDATION_FAILED', errors: [{ path: 'rows[1].active' }] }] });
    expect((await t.get('/v1/agents/C1')).body).toMatchObject({ active: false });
    const holidays = await t.post('/v1/holidays', [{ date: '2026-10-01', name: '国庆', dutyAgentIds: ['A1'] }, { date: '2026-10-02', name: '国庆', dutyAgentIds: ['NOPE'] }, { date: '2026-10-03', name: '国庆', dutyAgentIds: 'A1' }], ['hr']).expect(200);
    expect(holidays.body.rejected.map((r: { index: number; code: string; errors: Array<{ path: string }> }) => [r.index, r.code, r.errors[0].path])).toEqual([
      [1, 'ATTENDANCE.UNKNOWN_AGENT', 'holidays[1].dutyAgentIds[0]'],
      [2, 'REQUEST.VALIDATION_FAILED', 'holidays[2].dutyAgentIds'],
    ]);
  });

  it('documents each body with its command class', async () => {
    const doc = (await request(t.url).get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>>;
      components: { schemas: Record<string, { properties: Record<string, { example?: unknown; description?: string }> }> };
    };
    const bodyOf = (path: string) => JSON.stringify(doc.paths[path].post.requestBody?.content);
    const expected: Array<[string, string]> = [
      ['/v1/agents', 'UpsertAgentCommand'], ['/v1/rosters', 'RosterDayCommand'], ['/v1/clock-events', 'ClockEventCommand'], ['/v1/attendance/days/close', 'CloseDaysCommand'],
      ['/v1/shift-types', 'UpsertShiftTypeCommand'], ['/v1/attendance/days/{agentId}/{date}/correction', 'CorrectDayCommand'], ['/v1/shift-swaps', 'RequestSwapCommand'],
      ['/v1/shift-swaps/{swapId}/decision', 'DecideSwapCommand'], ['/v1/holidays', 'UpsertHolidayCommand'], ['/v1/leave', 'RequestLeaveCommand'], ['/v1/leave/{leaveId}/decision', 'DecideLeaveCommand'],
    ];
    for (const [path, schema] of expected) {
      expect([path, bodyOf(path)]).toEqual([path, expect.stringContaining(`#/components/schemas/${schema}`)]);
      for (const [name, p] of Object.entries(doc.components.schemas[schema].properties)) expect([schema, name, p.description !== undefined && p.example !== undefined]).toEqual([schema, name, true]);
    }
  });
});
