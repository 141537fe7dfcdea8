import request from 'supertest';
import type { AttendanceDayClosedEvent } from '../src/closing/to-day-closed-event';
import { agent, startAttendance, type AttendanceHarness } from './attendance-harness';

type Answer = { status: number; body: Record<string, unknown> & { details?: Array<{ path: string }> } };

/** A client that retries after a timeout, or a double click in the console, must not file the same thing twice. */
describe('retried leave and swap requests through the public API (real NATS, real PostgreSQL)', () => {
  let t: AttendanceHarness;
  const leave = (agentId: string, from: string, to = from, over: Record<string, unknown> = {}) =>
    t.post('/v1/leave', { agentId, type: 'annual', from, to, ...over }, ['agent'], agentId);
  const swap = (requesterId: string, counterpartId: string, date: string, paybackDate: string) =>
    t.post('/v1/shift-swaps', { requesterId, counterpartId, date, paybackDate }, ['agent'], requesterId);
  const rows = async (table: 'leave' | 'shift_swap', column: 'agent_id' | 'requester_id', id: string) =>
    (await t.env.query<{ n: number }>(`SELECT count(*)::int AS n FROM attendance.${table} WHERE ${column} = $1`, [id]))[0].n;
  const overlaps = (res: Answer, path: string, otherLeaveId: string) => {
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'ATTENDANCE.LEAVE_OVERLAPS', details: [{ path, message: `overlaps ${otherLeaveId}` }] });
    expect(res.body.message).toEqual(expect.stringContaining(`Leave ${otherLeaveId}`));
    expect(res.body.message).toEqual(expect.stringContaining(`与请假 ${otherLeaveId}`));
  };

  beforeAll(async () => {
    t = await startAttendance();
    await t.post('/v1/agents', ['L', 'M', 'H', 'X', 'R', 'C', 'P', 'Q'].map((id, i) => agent(id, { team: `T${i}` }))).expect(200);
    await t.post('/v1/rosters', [
      { agentId: 'R', date: '2026-12-07', shift: 'morning' }, { agentId: 'C', date: '2026-12-09', shift: 'morning' },
      { agentId: 'P', date: '2026-12-14', shift: 'morning' }, { agentId: 'Q', date: '2026-12-16', shift: 'morning' },
      { agentId: 'H', date: '2026-11-03', shift: 'morning' },
    ], ['supervisor']).expect(200);
  });
  afterAll(async () => t?.close());

  it('answers the same leave asked again with that leave and its current status, creating nothing', async () => {
    const first = await leave('L', '2026-11-09', '2026-11-11');
    expect(first.status).toBe(201);
    const again = await leave('L', '2026-11-09', '2026-11-11');
    expect(again.status).toBe(201);
    expect(again.body).toEqual({ leaveId: first.body.leaveId, status: 'requested' });
    await t.post(`/v1/leave/${first.body.leaveId}/decision`, { approve: true }, ['supervisor']).expect(200);
    expect((await leave('L', '2026-11-09', '2026-11-11')).body).toEqual({ leaveId: first.body.leaveId, status: 'approved' });
    expect(await rows('leave', 'agent_id', 'L')).toBe(1);
  });

  it('refuses leave sharing a day with another, naming it, and pointing at the end that reaches into it', async () => {
    const standing = (await leave('M', '2026-11-09', '2026-11-11')).body.leaveId as string;
    overlaps(await leave('M', '2026-11-10', '2026-11-13'), 'from', standing);
    overlaps(await leave('M', '2026-11-06', '2026-11-09'), 'to', standing);
    overlaps(await leave('M', '2026-11-09', '2026-11-11', { type: 'sick' }), 'from', standing);
    overlaps(await leave('M', '2026-11-11', '2026-11-11', { halfDay: 'pm' }), 'from', standing);
    expect((await leave('M', '2026-11-12', '2026-11-13')).status).toBe(201);
    expect(await rows('leave', 'agent_id', 'M')).toBe(2);
  });

  it('accepts the morning and the afternoon of one date as two leaves, and the day closes as a whole day of leave', async () => {
    const am = await leave('H', '2026-11-03', '2026-11-03', { halfDay: 'am' });
    const pm = await leave('H', '2026-11-03', '2026-11-03', { halfDay: 'pm', type: 'sick' });
    expect([am.status, pm.status]).toEqual([201, 201]);
    expect(pm.body.leaveId).not.toBe(am.body.leaveId);
    overlaps(await leave('H', '2026-11-03', '2026-11-03', { halfDay: 'am', type: 'personal' }), 'from', am.body.leaveId);
    for (const l of [am, pm]) await t.post(`/v1/leave/${l.body.leaveId}/decision`, { approve: true }, ['supervisor']).expect(200);
    await t.post('/v1/attendance/days/close', { asOf: '2026-11-04T12:00:00+08:00' }, ['supervisor']).expect(200);
    const [day] = await t.published<AttendanceDayClosedEvent>('attendance.day.closed', (e) => e.agentId === 'H' && e.date === '2026-11-03');
    expect(day).toMatchObject({ status: 'leave', leaveType: 'annual', leaveBreaksFullAttendance: true });
    expect(day.leaveHalfDay).toBeUndefined();
  });

  it('lets a refused leave go: the same days may be asked for again, as a new leave', async () => {
    const refused = (await leave('X', '2026-11-16')).body.leaveId as string;
    await t.post(`/v1/leave/${refused}/decision`, { approve: false, reason: 'busy week' }, ['supervisor']).expect(200);
    const again = await leave('X', '2026-11-16');
    expect(again.status).toBe(201);
    expect(again.body).toEqual({ leaveId: expect.not.stringMatching(refused), status: 'requested' });
    expect(await rows('leave', 'agent_id', 'X')).toBe(2);
  });

  it('answers the same swap asked again with that swap while it stands, counting it once toward the limit', async () => {
    const first = await swap('R', 'C', '2026-12-07', '2026-12-09');
    expect(first.status).toBe(201);
    const again = await swap('R', 'C', '2026-12-07', '2026-12-09');
    expect(again.status).toBe(201);
    expect(again.body).toEqual({ swapId: first.body.swapId, status: 'requested' });
    await t.post(`/v1/shift-swaps/${first.body.swapId}/consent`, {}, ['agent'], 'C').expect(200);
    expect((await swap('R', 'C', '2026-12-07', '2026-12-09')).body).toEqual({ swapId: first.body.swapId, status: 'consented' });
    expect(await rows('shift_swap', 'requester_id', 'R')).toBe(1);
  });

  it('makes one record of identical requests fired at the same moment', async () => {
    const leaves = await Promise.all([leave('P', '2026-11-23', '2026-11-24'), leave('P', '2026-11-23', '2026-11-24')]);
    expect(leaves.map((r) => r.status)).toEqual([201, 201]);
    expect(leaves[1].body).toEqual(leaves[0].body);
    expect(await rows('leave', 'agent_id', 'P')).toBe(1);
    const swaps = await Promise.all([swap('P', 'Q', '2026-12-14', '2026-12-16'), swap('P', 'Q', '2026-12-14', '2026-12-16')]);
    expect(swaps.map((r) => r.status)).toEqual([201, 201]);
    expect(swaps[1].body).toEqual(swaps[0].body);
    expect(await rows('shift_swap', 'requester_id', 'P')).toBe(1);
  });

  it('documents the retry answer and the overlap refusal in the OpenAPI document', async () => {
    type Route = { post: { responses: Record<string, { description: string; content?: unknown }> } };
    const paths = (await request(t.url).get('/docs-json').expect(200)).body.paths as Record<string, Route>;
    expect(paths['/v1/leave'].post.responses['201'].description).toContain('that leave with its current status');
    expect(paths['/v1/leave'].post.responses['409']).toMatchObject({ description: expect.stringContaining('ATTENDANCE.LEAVE_OVERLAPS'), content: expect.anything() });
    expect(paths['/v1/shift-swaps'].post.responses['201'].description).toContain('that swap with its current status');
    expect(Object.keys(paths['/v1/shift-swaps'].post.responses)).toEqual(expect.arrayContaining(['400', '403', '404', '409', '422']));
  });
});
