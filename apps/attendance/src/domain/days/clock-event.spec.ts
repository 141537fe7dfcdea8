import { DEFAULT_ATTENDANCE_POLICY } from '../policy/attendance-policy';
import { clockEventOf } from './clock-event';

describe('clockEventOf', () => {
  it('refuses a clock event far in the future, beyond the policy tolerance', () => {
    const now = Date.UTC(2026, 9, 5, 0, 0);
    const ev = (at: string) => clockEventOf({ eventId: 'e', agentId: 'A1', type: 'in', at }, now, DEFAULT_ATTENDANCE_POLICY);
    expect(ev('2026-10-05T08:04:00+08:00')).toEqual({ event: { eventId: 'e', agentId: 'A1', type: 'in', at: now + 240_000 } });
    expect(ev('2027-10-05T08:00:00+08:00')).toEqual({ errors: [{ path: 'at', message: expect.stringContaining('future') }] });
  });
});
