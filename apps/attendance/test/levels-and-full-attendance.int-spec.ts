import { DateTime } from 'luxon';
import type { AgentUpsertedEvent } from '@app/contracts';
import { AgentLevelEffectiveFrom1763800000200 } from '../migrations/1763800000200-agent-level-effective-from';
import type { AttendanceDayClosedEvent } from '../src/closing/to-day-closed-event';
import { agent, messagesOf, startAttendance, type AttendanceHarness } from './attendance-harness';

const UPSERTED = 'attendance.agent.upserted';
const DAY = 'attendance.day.closed';
const of = (agentId: string) => (e: AgentUpsertedEvent) => e.agentId === agentId;
const dayOf = (agentId: string, date: string) => (e: AttendanceDayClosedEvent) => e.agentId === agentId && e.date === date;
/** An agent as HR posts it without a level. */
const newcomer = (agentId: string, over: Record<string, unknown> = {}) => agent(agentId, { level: undefined, ...over });

describe('levels with the month they hold from, and full attendance on every closed day (real NATS, real PostgreSQL)', () => {
  let t: AttendanceHarness;
  // The policy's zone (Asia/Shanghai by default).
  const thisMonth = () => DateTime.now().setZone('Asia/Shanghai').toFormat('yyyy-MM');
  const stored = async (agentId: string) =>
    (await t.env.query<{ level: string; from: string | null; record_from: string | null; version: number }>(
      `SELECT record->>'level' AS level, level_effective_from AS from, record->>'levelEffectiveFrom' AS record_from, version FROM attendance.agent WHERE agent_id = $1`,
      [agentId],
    ))[0];

  beforeAll(async () => {
    t = await startAttendance();
  });
  afterAll(async () => t?.close());

  it('starts an agent posted without a level as a trainee from the current month, and keeps the level on an update without one', async () => {
    const month = thisMonth();
    const res = await t.post('/v1/agents', [newcomer('N1'), newcomer('N2', { region: 'south', levelEffectiveFrom: '2026-09' }), agent('N3', { region: 'north' })]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 3, unchanged: 0, rejected: [] });
    const [n1] = await t.published<AgentUpsertedEvent>(UPSERTED, of('N1'));
    expect(n1).toMatchObject({ eventId: 'agent-N1-v1', version: 1, level: 'trainee', levelEffectiveFrom: month });
    expect((await t.published<AgentUpsertedEvent>(UPSERTED, of('N2')))[0]).toMatchObject({ level: 'trainee', levelEffectiveFrom: '2026-09' });
    expect((await t.published<AgentUpsertedEvent>(UPSERTED, of('N3')))[0]).toMatchObject({ level: 'regular', levelEffectiveFrom: month });
    expect(await stored('N1')).toEqual({ level: 'trainee', from: month, record_from: month, version: 1 });
    expect((await t.get('/v1/agents/N1', ['agent'], 'N1')).body).toMatchObject({ agentId: 'N1', level: 'trainee', levelEffectiveFrom: month, version: 1 });
    expect((await t.get('/v1/agents?team=T1', ['supervisor'])).body.items.map((a: { agentId: string; levelEffectiveFrom: string }) => [a.agentId, a.levelEffectiveFrom]))
      .toEqual([['N1', month], ['N2', '2026-09'], ['N3', month]]);

    // The same record again, without level: nothing changed, nothing published.
    expect((await t.post('/v1/agents', newcomer('N1'))).body).toMatchObject({ accepted: 0, unchanged: 1 });
    // Another field changed, still without level: the level and its month are kept.
    expect((await t.post('/v1/agents', newcomer('N3', { region: 'north', name: '周杰' }))).body).toMatchObject({ accepted: 1 });
    const n3 = await t.published<AgentUpsertedEvent>(UPSERTED, of('N3'), 2);
    expect(n3[1]).toMatchObject({ version: 2, name: '周杰', level: 'regular', levelEffectiveFrom: month });
  });

  it('publishes a probation passed from the month HR gives, and a change of the month alone as a new version', async () => {
    expect((await t.post('/v1/agents', newcomer('N2', { region: 'south', level: 'regular', levelEffectiveFrom: '2026-11' }))).body).toMatchObject({ accepted: 1 });
    expect((await t.post('/v1/agents', newcomer('N2', { region: 'south', levelEffectiveFrom: '2026-12' }))).body).toMatchObject({ accepted: 1, unchanged: 0 });
    const n2 = await t.published<AgentUpsertedEvent>(UPSERTED, of('N2'), 3);
    expect(n2.map((e) => [e.version, e.level, e.levelEffectiveFrom])).toEqual([[1, 'trainee', '2026-09'], [2, 'regular', '2026-11'], [3, 'regular', '2026-12']]);
    // A level changed without a month: from the current one.
    await t.post('/v1/agents', newcomer('N2', { region: 'south', level: 'one-star' })).expect(200);
    expect((await t.published<AgentUpsertedEvent>(UPSERTED, of('N2'), 4))[3]).toMatchObject({ version: 4, level: 'one-star', levelEffectiveFrom: thisMonth() });
    expect(await stored('N2')).toMatchObject({ level: 'one-star', from: thisMonth(), version: 4 });
  });

  it('refuses a bad levelEffectiveFrom item by item, storing and publishing the others', async () => {
    const res = await t.post('/v1/agents', [
      newcomer('B1', { team: 'T2' }),
      newcomer('B2', { team: 'T2', region: 'south', levelEffectiveFrom: '2026-10' }),
      newcomer('B3', { team: 'T2', region: 'north', levelEffectiveFrom: '2026-13' }),
      newcomer('B4', { team: 'T2', region: 'central', level: 'regular', levelEffectiveFrom: '2026-02-01' }),
      newcomer('B5', { team: 'T2', region: 'northeast' }),
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 3, unchanged: 0 });
    expect(res.body.rejected).toEqual([
      { index: 2, code: 'REQUEST.VALIDATION_FAILED', errors: [{ path: 'agents[2].levelEffectiveFrom', message: expect.stringContaining('yyyy-mm') }] },
      { index: 3, code: 'REQUEST.VALIDATION_FAILED', errors: [{ path: 'agents[3].levelEffectiveFrom', message: expect.stringContaining('yyyy-mm') }] },
    ]);
    for (const id of ['B1', 'B2', 'B5']) expect(await stored(id)).toMatchObject({ level: 'trainee', version: 1 });
    expect(await stored('B3')).toBeUndefined();
    expect(await stored('B4')).toBeUndefined();
    await t.published<AgentUpsertedEvent>(UPSERTED, (e) => ['B1', 'B2', 'B5'].includes(e.agentId), 3);
    expect((await messagesOf<AgentUpsertedEvent>(t.js, UPSERTED)).filter((e) => e.agentId === 'B3' || e.agentId === 'B4')).toEqual([]);

    // One object: the same refusal, answered as a 400 with the field's path.
    const single = await t.post('/v1/agents', newcomer('B6', { team: 'T2', region: 'southwest', levelEffectiveFrom: '0000-00' }));
    expect(single.status).toBe(400);
    expect(single.body).toMatchObject({ error: 'REQUEST.VALIDATION_FAILED', details: [{ path: 'levelEffectiveFrom' }] });

    // CSV: a blank level is a trainee, a bad month is that row's refusal.
    const csv = ['agentId,name,team,region,hireDate,level,levelEffectiveFrom', 'V1,王芳,T3,north,2026-01-10,,', 'V2,张伟,T3,south,2026-01-10,regular,2026/10'].join('\n');
    const imported = await t.post('/v1/agents', csv).set('Content-Type', 'text/csv');
    expect(imported.body).toMatchObject({ accepted: 1, rejected: [{ index: 1, row: 3, code: 'REQUEST.VALIDATION_FAILED', errors: [{ path: 'rows[1].levelEffectiveFrom' }] }] });
    expect((await t.published<AgentUpsertedEvent>(UPSERTED, of('V1')))[0]).toMatchObject({ level: 'trainee', levelEffectiveFrom: thisMonth() });
  });

  it('serves an agent stored before levelEffectiveFrom existed with none, until the level is set or changed', async () => {
    const record = { ...agent('L1', { team: 'T4' }), supervisorId: 'S01', email: null, language: 'zh-CN' };
    await t.env.query(`INSERT INTO attendance.agent (agent_id, record, team, region, role, active, version) VALUES ('L1', $1, 'T4', 'east', 'agent', true, 1)`, [JSON.stringify(record)]);
    expect((await t.get('/v1/agents/L1')).body).toMatchObject({ level: 'regular', levelEffectiveFrom: null, version: 1 });
    await t.post('/v1/agents', newcomer('L1', { team: 'T4', name: '赵敏' })).expect(200);
    const [v2] = await t.published<AgentUpsertedEvent>(UPSERTED, (e) => e.agentId === 'L1' && e.version === 2);
    expect(v2).toMatchObject({ level: 'regular', name: '赵敏' });
    expect('levelEffectiveFrom' in v2).toBe(false);
    await t.post('/v1/agents', newcomer('L1', { team: 'T4', name: '赵敏', level: 'one-star' })).expect(200);
    const [v3] = await t.published<AgentUpsertedEvent>(UPSERTED, (e) => e.agentId === 'L1' && e.version === 3);
    expect(v3).toMatchObject({ level: 'one-star', levelEffectiveFrom: thisMonth() });
  });

  it('publishes breaksFullAttendance on every closed day: sick leave breaks it, annual leave does not', async () => {
    await t.post('/v1/agents', [agent('S', { team: 'T5' }), agent('A', { team: 'T5', region: 'south' })]).expect(200);
    await t.post('/v1/rosters', [
      { agentId: 'S', date: '2026-10-05', shift: 'morning' },
      { agentId: 'A', date: '2026-10-05', shift: 'morning' },
      { agentId: 'A', date: '2026-10-06', shift: 'morning' },
    ], ['supervisor']).expect(200);
    for (const [agentId, type] of [['S', 'sick'], ['A', 'annual']]) {
      const asked = await t.post('/v1/leave', { agentId, type, from: '2026-10-05', to: '2026-10-05' }, ['hr']).expect(201);
      await t.post(`/v1/leave/${asked.body.leaveId}/decision`, { approve: true }, ['supervisor']).expect(200);
    }
    await t.post('/v1/clock-events', [
      { eventId: 'a-06-in', agentId: 'A', type: 'in', at: '2026-10-06T07:58:00+08:00' },
      { eventId: 'a-06-out', agentId: 'A', type: 'out', at: '2026-10-06T15:31:00+08:00' },
    ], ['clock']).expect(202);
    await t.post('/v1/attendance/days/close', { asOf: '2026-10-08T00:00:00+08:00' }, ['supervisor']).expect(200);

    const [sick] = await t.published<AttendanceDayClosedEvent>(DAY, dayOf('S', '2026-10-05'));
    expect(sick).toMatchObject({ status: 'leave', leaveType: 'sick', leaveBreaksFullAttendance: true, breaksFullAttendance: true });
    const [annual] = await t.published<AttendanceDayClosedEvent>(DAY, dayOf('A', '2026-10-05'));
    expect(annual).toMatchObject({ status: 'leave', leaveType: 'annual', leaveBreaksFullAttendance: false, breaksFullAttendance: false });
    const [worked] = await t.published<AttendanceDayClosedEvent>(DAY, dayOf('A', '2026-10-06'));
    expect(worked).toMatchObject({ status: 'present', lateMinutes: 0, breaksFullAttendance: false });
    const rows = await t.env.query<{ agent_id: string; date: string; breaks: boolean }>(
      `SELECT agent_id, date::text AS date, (day->>'breaksFullAttendance')::boolean AS breaks FROM attendance.day_record WHERE agent_id IN ('S', 'A') ORDER BY agent_id, date`,
    );
    expect(rows).toEqual([
      { agent_id: 'A', date: '2026-10-05', breaks: false }, { agent_id: 'A', date: '2026-10-06', breaks: false }, { agent_id: 'S', date: '2026-10-05', breaks: true },
    ]);

    // The month summary reads the same answer: annual leave beside a worked day keeps it; a month of sick leave does not.
    const summary = (await t.get('/v1/attendance/summary?period=2026-10', ['hr'])).body.items as Array<{ agentId: string; fullAttendance: boolean; records: { fullAttendanceBrokenBy: string[] } }>;
    expect(summary.filter((a) => a.agentId === 'A' || a.agentId === 'S').map((a) => [a.agentId, a.fullAttendance, a.records.fullAttendanceBrokenBy])).toEqual([
      ['A', true, []], ['S', false, ['2026-10-05']],
    ]);
  });

  it('reverts and re-applies the levelEffectiveFrom migration', async () => {
    const migration = new AgentLevelEffectiveFrom1763800000200();
    const runner = { query: (sql: string) => t.env.query(sql) } as unknown as Parameters<typeof migration.down>[0];
    await migration.down(runner);
    expect(await t.env.query(`SELECT 1 FROM information_schema.columns WHERE table_schema = 'attendance' AND table_name = 'agent' AND column_name = 'level_effective_from'`)).toEqual([]);
    expect(await t.env.query(`SELECT agent_id FROM attendance.agent WHERE record ? 'levelEffectiveFrom'`)).toEqual([]);
    await migration.up(runner);
    expect(await t.env.query(`SELECT count(*)::int AS n, count(level_effective_from)::int AS set FROM attendance.agent`)).toEqual([{ n: expect.any(Number), set: 0 }]);
    await expect(t.env.query(`UPDATE attendance.agent SET level_effective_from = '2026-13' WHERE agent_id = 'N1'`)).rejects.toThrow(/agent_level_effective_from_month/);
  });
});
