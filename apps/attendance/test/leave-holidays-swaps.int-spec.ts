import type { ViolationRecordedEvent } from '@app/contracts';
import type { AttendanceDayClosedEvent } from '../src/closing/to-day-closed-event';
import { agent, startAttendance, type AttendanceHarness } from './attendance-harness';

const DAY = 'attendance.day.closed';
const dayOf = (agentId: string, date: string) => (e: AttendanceDayClosedEvent) => e.agentId === agentId && e.date === date;
type Refusal = { status: number; body: { error: string; details: Array<{ path: string }> } };

describe('leave, holidays and shift swaps through the public API (real NATS, real PostgreSQL)', () => {
  let t: AttendanceHarness;
  const roster = (agentId: string, date: string, shift = 'morning') => ({ agentId, date, shift });
  const swap = (requesterId: string, counterpartId: string, date: string, paybackDate: string) =>
    t.post('/v1/shift-swaps', { requesterId, counterpartId, date, paybackDate }, ['agent'], requesterId);
  const refused = (res: Refusal, code: string, path: string) => {
    expect([409, 422]).toContain(res.status);
    expect(res.body.error).toBe(code);
    expect(res.body.details[0].path).toBe(path);
  };

  beforeAll(async () => {
    t = await startAttendance();
    await t.post('/v1/agents', [agent('R'), agent('C', { region: 'south' }), agent('D', { region: 'north' }), agent('E', { region: 'central' })]).expect(200);
    await t.post('/v1/rosters', [
      roster('R', '2026-09-05'), roster('C', '2026-09-07'), roster('C', '2026-09-08'), roster('R', '2026-09-09'),
      roster('R', '2026-09-14'), roster('C', '2026-09-16'), roster('R', '2026-09-20'), roster('C', '2026-09-22'),
      roster('R', '2026-09-26'), roster('C', '2026-09-28'), roster('C', '2026-09-03', 'afternoon'),
      roster('D', '2026-10-01'), roster('E', '2026-10-02'), roster('E', '2026-09-10'),
    ], ['supervisor']).expect(200);
  });
  afterAll(async () => t?.close());

  it('runs a swap through consent and approval, then moves both rosters', async () => {
    const req = await swap('R', 'C', '2026-09-05', '2026-09-07');
    expect(req.status).toBe(201);
    expect(req.body).toEqual({ swapId: expect.stringMatching(/^swap-/), status: 'requested' });
    const { swapId } = req.body;
    refused(await t.post(`/v1/shift-swaps/${swapId}/decision`, { approve: true }, ['supervisor']), 'ATTENDANCE.SWAP_WRONG_STATE', 'swapId');
    expect((await t.post(`/v1/shift-swaps/${swapId}/consent`, {}, ['agent'], 'R')).status).toBe(403);
    expect((await t.post(`/v1/shift-swaps/${swapId}/consent`, {}, ['agent'], 'C')).body).toEqual({ swapId, status: 'consented' });
    expect((await t.post(`/v1/shift-swaps/${swapId}/decision`, { approve: true }, ['supervisor'])).body).toEqual({ swapId, status: 'approved' });
    const days = (await t.get('/v1/rosters?period=2026-09', ['supervisor'])).body.items as Array<{ agentId: string; date: string; swapId: string | null }>;
    const on = (d: string) => days.filter((x) => x.date === d).map((x) => [x.agentId, x.swapId]);
    expect(on('2026-09-05')).toEqual([['C', swapId]]);
    expect(on('2026-09-07')).toEqual([['R', swapId]]);
    expect((await t.get('/v1/shift-swaps?agentId=R', ['supervisor'])).body).toEqual({ items: [expect.objectContaining({ swapId, status: 'approved', payback: 'pending' })], nextCursor: null });
  });

  it('refuses each broken rule with its own code', async () => {
    refused(await swap('R', 'R', '2026-09-14', '2026-09-16'), 'ATTENDANCE.SWAP_WITH_SELF', 'counterpartId');
    refused(await swap('R', 'C', '2026-09-15', '2026-09-16'), 'ATTENDANCE.SWAP_NOT_ROSTERED', 'date');
    // C's 08:00 morning on the 9th would follow... nothing; but R's 9th next to the 8th swap day: consecutive.
    refused(await swap('R', 'C', '2026-09-09', '2026-09-08'), 'ATTENDANCE.SWAP_CONSECUTIVE', 'requesterId');
    expect((await swap('R', 'C', '2026-09-14', '2026-09-16')).status).toBe(201);
    expect((await swap('R', 'C', '2026-09-20', '2026-09-22')).status).toBe(201);
    refused(await swap('R', 'C', '2026-09-26', '2026-09-28'), 'ATTENDANCE.SWAP_LIMIT_REACHED', 'requesterId');
    const unknown = await t.post('/v1/shift-swaps', { requesterId: 'R', counterpartId: 'NOPE', date: '2026-09-26', paybackDate: '2026-09-28' }, ['supervisor']);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: 'ATTENDANCE.UNKNOWN_AGENT', details: [{ path: 'counterpartId' }] });
    const badDate = await t.post('/v1/shift-swaps', { requesterId: 'R', counterpartId: 'C', date: '2026-09-31', paybackDate: '2026-09-28' }, ['supervisor']);
    expect(badDate.status).toBe(400);
    expect(badDate.body).toMatchObject({ error: 'REQUEST.INVALID_DATE' });
    expect(badDate.body.details).toEqual([{ path: 'date', message: expect.stringContaining('a real date yyyy-mm-dd') }]);
    const forOther = await t.post('/v1/shift-swaps', { requesterId: 'C', counterpartId: 'R', date: '2026-09-28', paybackDate: '2026-09-26' }, ['agent'], 'R');
    expect(forOther.status).toBe(403); // an agent swaps only for themself
    expect(forOther.body).toMatchObject({ error: 'ATTENDANCE.NOT_YOUR_RECORD', details: [{ path: 'requesterId' }] });
  });

  it('refuses a swap that would make someone work back to back, and one touching holiday duty', async () => {
    // D works the night of the 9th until 06:00 on the 10th; taking E's 08:00 morning that day is 连班.
    await t.post('/v1/shift-types', { code: 'night', start: '22:00', end: '06:00' }, ['hr']).expect(200);
    await t.post('/v1/rosters', [roster('D', '2026-09-09', 'night'), roster('D', '2026-09-12')], ['supervisor']).expect(200);
    refused(await swap('E', 'D', '2026-09-10', '2026-09-12'), 'ATTENDANCE.SWAP_BACK_TO_BACK', 'date');
    await t.post('/v1/holidays', [{ date: '2026-10-01', name: '国庆节', dutyAgentIds: ['D'] }], ['hr']).expect(200);
    refused(await swap('E', 'D', '2026-10-02', '2026-10-01'), 'ATTENDANCE.HOLIDAY_DUTY_NO_SWAP', 'paybackDate');
    expect((await t.get('/v1/holidays?year=2026', ['agent'], 'E')).body).toEqual({ items: [{ date: '2026-10-01', name: '国庆节', dutyAgentIds: ['D'] }], nextCursor: null });
  });

  it('takes leave through approval, refusing it on swap days, for holiday duty and for an unknown type', async () => {
    const onSwap = await t.post('/v1/leave', { agentId: 'R', type: 'annual', from: '2026-09-06', to: '2026-09-08' }, ['agent'], 'R');
    expect(onSwap.status).toBe(422);
    expect(onSwap.body).toMatchObject({ error: 'ATTENDANCE.LEAVE_ON_SWAP_DAY', details: [{ path: 'from' }] });
    refused(await t.post('/v1/leave', { agentId: 'D', type: 'annual', from: '2026-10-01', to: '2026-10-03' }, ['supervisor']), 'ATTENDANCE.HOLIDAY_DUTY_NO_LEAVE', 'from');
    refused(await t.post('/v1/leave', { agentId: 'E', type: 'holiday-ish', from: '2026-10-02', to: '2026-10-02' }, ['hr']), 'ATTENDANCE.UNKNOWN_LEAVE_TYPE', 'type');
    const half = await t.post('/v1/leave', { agentId: 'E', type: 'sick', from: '2026-10-02', to: '2026-10-03', halfDay: 'am' }, ['hr']);
    expect(half.status).toBe(400);
    expect(half.body.details).toEqual([{ path: 'halfDay', message: expect.stringContaining('half a day is one date: from = to') }]);
    expect((await t.post('/v1/leave', { agentId: 'C', type: 'annual', from: '2026-10-02', to: '2026-10-02' }, ['agent'], 'E')).status).toBe(403);
    const ok = await t.post('/v1/leave', { agentId: 'E', type: 'sick', from: '2026-10-02', to: '2026-10-02' }, ['agent'], 'E');
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({ leaveId: expect.stringMatching(/^leave-/), status: 'requested' });
    expect((await t.post(`/v1/leave/${ok.body.leaveId}/decision`, { approve: true }, ['supervisor'])).body).toEqual({ leaveId: ok.body.leaveId, status: 'approved' });
    // The same request again is that leave (a retry), another type on the same day a double booking.
    expect((await t.post('/v1/leave', { agentId: 'E', type: 'sick', from: '2026-10-02', to: '2026-10-02' }, ['agent'], 'E')).body).toEqual({ leaveId: ok.body.leaveId, status: 'approved' });
    refused(await t.post('/v1/leave', { agentId: 'E', type: 'annual', from: '2026-10-02', to: '2026-10-02' }, ['agent'], 'E'), 'ATTENDANCE.LEAVE_OVERLAPS', 'from');
    refused(await t.post(`/v1/leave/${ok.body.leaveId}/decision`, { approve: false }, ['supervisor']), 'ATTENDANCE.LEAVE_ALREADY_DECIDED', 'leaveId');
    const types = (await t.get('/v1/leave-types', ['agent'], 'E')).body.items;
    expect(types.find((x: { code: string }) => x.code === 'sick')).toEqual({ code: 'sick', labelZh: '病假', labelEn: 'sick leave', paid: false, breaksFullAttendance: true });
  });

  it('closes leave, holiday and swap days, and an absence on a swap day is a violation', async () => {
    await t.post('/v1/clock-events', [
      { eventId: 'c-05-in', agentId: 'C', type: 'in', at: '2026-09-05T07:58:00+08:00' },
      { eventId: 'c-05-out', agentId: 'C', type: 'out', at: '2026-09-05T15:31:00+08:00' },
    ], ['clock']).expect(202);
    await t.post('/v1/attendance/days/close', { asOf: '2026-10-03T00:00:00+08:00' }, ['supervisor']).expect(200);
    const [c05] = await t.published<AttendanceDayClosedEvent>(DAY, dayOf('C', '2026-09-05'));
    expect(c05).toMatchObject({ status: 'present', swapId: expect.stringMatching(/^swap-/), lateMinutes: 0 });
    const [r07] = await t.published<AttendanceDayClosedEvent>(DAY, dayOf('R', '2026-09-07'));
    expect(r07).toMatchObject({ status: 'absent', swapId: c05.swapId });
    const [violation] = await t.published<ViolationRecordedEvent>('attendance.violation.recorded', (v) => v.agentId === 'R');
    expect(violation).toMatchObject({ eventId: 'violation-R-2026-09-07-ATTENDANCE.ABSENT_ON_SWAP_DAY', code: 'ATTENDANCE.ABSENT_ON_SWAP_DAY', date: '2026-09-07', swapId: c05.swapId });
    const [both] = await t.published<ViolationRecordedEvent>('attendance.violation.recorded', (v) => v.agentId === 'C');
    expect(both).toMatchObject({ code: 'ATTENDANCE.SWAP_SHIFT_MISSED', date: '2026-09-07', swapId: c05.swapId, message: expect.stringContaining('counts against both') });
    expect((await t.get('/v1/shift-swaps?agentId=R', ['supervisor'])).body.items.find((s: { swapId: string }) => s.swapId === c05.swapId)).toMatchObject({ payback: 'missed' });
    const [e02] = await t.published<AttendanceDayClosedEvent>(DAY, dayOf('E', '2026-10-02'));
    expect(e02).toMatchObject({ status: 'leave', leaveType: 'sick', leaveBreaksFullAttendance: true });
    const [d01] = await t.published<AttendanceDayClosedEvent>(DAY, dayOf('D', '2026-10-01'));
    expect(d01).toMatchObject({ status: 'absent' }); // on holiday duty, and did not come
    // The holiday calendar changes: D is no longer on duty, so the closed day becomes a holiday, version 2.
    await t.post('/v1/holidays', [{ date: '2026-10-01', name: '国庆节', dutyAgentIds: [] }, { date: '2026-10-32', name: 'x' }], ['hr']).expect(200);
    await t.post('/v1/attendance/days/close', { asOf: '2026-10-03T00:00:00+08:00' }, ['supervisor']).expect(200);
    const d01s = await t.published<AttendanceDayClosedEvent>(DAY, dayOf('D', '2026-10-01'), 2);
    expect(d01s.map((d) => [d.version, d.status])).toEqual([[1, 'absent'], [2, 'holiday']]);
    const summary = (await t.get('/v1/attendance/summary?period=2026-10&agentId=E', ['hr'])).body.items[0];
    expect(summary).toMatchObject({ rosteredDays: 1, leaveDays: { sick: 1 }, fullAttendance: false, records: { leave: ['2026-10-02'] } });
  });
});
