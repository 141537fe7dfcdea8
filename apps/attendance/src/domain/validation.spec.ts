import { DEFAULT_ATTENDANCE_POLICY, mergePolicy } from './attendance-policy';
import { adherence, availableIntervals } from './adherence';
import { parseAgent } from './agent-record';
import { parseClockEvent } from './clock-event';
import { isLocalDate, parseInstant, periodsEndingWith } from './local-time';
import { shiftTypeErrors } from './shift-type';

describe('input rules', () => {
  it('knows real dates and instants with an offset', () => {
    expect([isLocalDate('2026-02-28'), isLocalDate('2026-02-29'), isLocalDate('2028-02-29'), isLocalDate('2026-13-01'), isLocalDate('2026-1-01')]).toEqual([true, false, true, false, false]);
    expect(parseInstant('2026-10-05T08:00:00+08:00')).toBe(Date.UTC(2026, 9, 5, 0, 0));
    expect(parseInstant('2026-10-05T08:00:00')).toBeNull(); // no offset: ambiguous
    expect(periodsEndingWith('2026-01', 3)).toEqual(['2025-11', '2025-12', '2026-01']);
  });

  it('reads an agent from JSON or a CSV row, with defaults and a path per bad field', () => {
    const ok = parseAgent({ agentId: 'A1', name: '李娜', team: 'T1', region: 'east', hireDate: '2026-03-01', active: 'false' });
    expect(ok).toEqual({ agent: expect.objectContaining({ role: 'agent', level: 'regular', active: false, supervisorId: null, language: 'zh-CN' }) });
    const bad = parseAgent({ agentId: '', name: 'x', team: 'T1', region: 'mars', hireDate: '2026-02-30', level: 'five-star', extra: 1 });
    expect('errors' in bad && bad.errors.map((e) => e.path)).toEqual(['extra', 'agentId', 'region', 'level', 'hireDate']);
  });

  it('refuses a clock event far in the future, beyond the policy tolerance', () => {
    const now = Date.UTC(2026, 9, 5, 0, 0);
    const ev = (at: string) => parseClockEvent({ eventId: 'e', agentId: 'A1', type: 'in', at }, now, DEFAULT_ATTENDANCE_POLICY);
    expect(ev('2026-10-05T08:04:00+08:00')).toEqual({ event: { eventId: 'e', agentId: 'A1', type: 'in', at: now + 240_000 } });
    expect(ev('2027-10-05T08:00:00+08:00')).toEqual({ errors: [{ path: 'at', message: expect.stringContaining('future') }] });
  });

  it('checks shift types, and "off" is reserved', () => {
    expect(shiftTypeErrors({ code: 'night', start: '22:00', end: '06:00' })).toEqual([]);
    expect(shiftTypeErrors({ code: 'off', start: '25:00', end: '06:00', lateGraceMinutes: -1 }).map((e) => e.path)).toEqual(['code', 'start', 'lateGraceMinutes']);
  });

  it('merges policy overrides of known keys and the right type only', () => {
    const p = mergePolicy({ lateGraceMinutes: 10, maxSwapsPerMonth: 'many', timeZone: 'Europe/Berlin', nope: 1 });
    expect([p.lateGraceMinutes, p.maxSwapsPerMonth, p.timeZone, 'nope' in p]).toEqual([10, 3, 'Europe/Berlin', false]);
  });

  it('measures adherence as logged-in, unpaused time within rostered shifts', () => {
    const t = (h: number) => Date.UTC(2026, 9, 5, h);
    const available = availableIntervals([{ kind: 'login', at: t(1) }, { kind: 'pause', at: t(3) }, { kind: 'unpause', at: t(4) }], t(12));
    expect(available).toEqual([{ from: t(1), to: t(3) }, { from: t(4), to: t(12) }]);
    expect(adherence([{ from: t(0), to: t(8) }], available)).toEqual({ rosteredMinutes: 480, loggedInMinutes: 360, ratio: 0.75 });
    expect(adherence([], available).ratio).toBeNull();
  });
});
