import type { AttendanceDayClosedEvent } from '../src/closing/to-day-closed-event';
import { waitFor } from '../../../tests/support/wait-for';
import { agent, startAttendance, type AttendanceHarness } from './attendance-harness';

const DAY = 'attendance.day.closed';

describe('attendance consumers and the close worker (real NATS, real PostgreSQL)', () => {
  let t: AttendanceHarness;

  beforeAll(async () => {
    t = await startAttendance({ closeEveryMs: 100 });
    await t.post('/v1/agents', [agent('A1'), agent('A2', { region: 'south' })]).expect(200);
  });
  afterAll(async () => t?.close());

  it('closes a day by itself once its check-out window has passed, and not a day still open', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10); // Shanghai's date, near enough for a shift tonight
    await t.post('/v1/shift-types', { code: 'late', start: '23:00', end: '23:30' }, ['hr']).expect(200);
    // Clock events first: the worker closes the day as soon as it is rostered (its window is long past).
    await t.post('/v1/clock-events', [
      { eventId: 'w-in', agentId: 'A1', type: 'in', at: '2026-10-05T08:00:00+08:00' },
      { eventId: 'w-out', agentId: 'A1', type: 'out', at: '2026-10-05T15:30:00+08:00' },
    ], ['clock']).expect(202);
    await t.post('/v1/rosters', [{ agentId: 'A1', date: '2026-10-05', shift: 'morning' }, { agentId: 'A2', date: today, shift: 'late' }], ['supervisor']).expect(200);
    const [day] = await t.published<AttendanceDayClosedEvent>(DAY, (e) => e.agentId === 'A1');
    expect(day).toMatchObject({ date: '2026-10-05', version: 1, cause: 'closed' });
    const a2 = await t.env.query<{ closed: boolean }>(`SELECT closed FROM attendance.roster WHERE agent_id = 'A2'`);
    expect(a2).toEqual([{ closed: false }]);
  });

  it('keeps agent states from telephony.agent.state, once each, as adherence to the roster', async () => {
    const state = (eventId: string, kind: string, occurredAt: string) => ({ eventId, agentId: 'A1', kind, occurredAt, at: Date.parse(occurredAt) });
    await t.js.publish('telephony.agent.state', state('s1', 'login', '2026-10-05T07:50:00+08:00'));
    await t.js.publish('telephony.agent.state', state('s2', 'pause', '2026-10-05T10:00:00+08:00'));
    await t.js.publish('telephony.agent.state', state('s3', 'unpause', '2026-10-05T10:30:00+08:00'));
    await t.js.publish('telephony.agent.state', state('s3', 'unpause', '2026-10-05T10:30:00+08:00')); // a redelivered copy
    await t.js.publish('telephony.agent.state', state('s4', 'logout', '2026-10-05T14:00:00+08:00'));
    await waitFor(async () => (await t.env.query(`SELECT 1 FROM attendance.agent_state`)).length === 4, 'four agent states');
    const [a1] = (await t.get('/v1/attendance/summary?period=2026-10&agentId=A1', ['supervisor'])).body.items;
    // Shift 08:00–15:30 = 450 min; logged in and unpaused 08:00–10:00 and 10:30–14:00 = 330 min.
    expect(a1.adherence).toEqual({ rosteredMinutes: 450, loggedInMinutes: 330, ratio: 0.73 });
  });

  it('applies the attendance section of an activated policy, keeping defaults for what it leaves out', async () => {
    await t.js.publish('scoring.policy.activated', { policyVersion: 'tenant-2', effectiveFrom: '2026-10', attendance: { lateGraceMinutes: 15, unknownKnob: 1 } });
    await waitFor(async () => (await t.env.query(`SELECT 1 FROM attendance.policy_copy WHERE policy_version = 'tenant-2'`)).length === 1, 'the policy copy');
    expect(await t.env.query(`SELECT attendance FROM attendance.policy_copy`)).toEqual([{ attendance: { lateGraceMinutes: 15 } }]);
    await t.post('/v1/clock-events', [
      { eventId: 'p-in', agentId: 'A2', type: 'in', at: '2026-10-06T08:12:00+08:00' },
      { eventId: 'p-out', agentId: 'A2', type: 'out', at: '2026-10-06T15:30:00+08:00' },
    ], ['clock']).expect(202);
    await t.post('/v1/rosters', [{ agentId: 'A2', date: '2026-10-06', shift: 'morning' }], ['supervisor']).expect(200);
    const [day] = await t.published<AttendanceDayClosedEvent>(DAY, (e) => e.agentId === 'A2' && e.date === '2026-10-06');
    expect(day).toMatchObject({ lateMinutes: 0, status: 'present' }); // 12 min: within the tenant's 15-minute grace
  });
});
