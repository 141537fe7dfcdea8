import { DEFAULT_ATTENDANCE_POLICY, mergePolicy } from './attendance-policy';
import { adherence, availableIntervals } from './adherence';
import { isMonth, parseAgent, resolveAgent, sameAgent, type AgentInput } from './agent-record';
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
    expect(ok).toEqual({ agent: expect.objectContaining({ role: 'agent', active: false, supervisorId: null, language: 'zh-CN' }) });
    expect('agent' in ok && ['level' in ok.agent, 'levelEffectiveFrom' in ok.agent]).toEqual([false, false]); // decided against the record held
    const bad = parseAgent({ agentId: '', name: 'x', team: 'T1', region: 'mars', hireDate: '2026-02-30', level: 'five-star', extra: 1 });
    expect('errors' in bad && bad.errors.map((e) => e.path)).toEqual(['extra', 'agentId', 'region', 'level', 'hireDate']);
  });

  it('takes levelEffectiveFrom as a real month yyyy-mm only', () => {
    const item = (levelEffectiveFrom: unknown) => parseAgent({ agentId: 'A1', name: '李娜', team: 'T1', region: 'east', hireDate: '2026-03-01', levelEffectiveFrom });
    expect(item('2026-11')).toEqual({ agent: expect.objectContaining({ levelEffectiveFrom: '2026-11' }) });
    for (const bad of ['2026-13', '2026-00', '2026-1', '2026-11-01', '11-2026', '', 202611, true]) {
      expect(item(bad)).toEqual({ errors: [{ path: 'levelEffectiveFrom', message: expect.stringContaining('yyyy-mm') }] });
    }
    expect([isMonth('2026-02'), isMonth('2026-12'), isMonth('2026-13')]).toEqual([true, true, false]);
  });

  it('starts a new agent as a trainee and keeps a held level; levelEffectiveFrom follows the level', () => {
    const input = (over: Partial<AgentInput> = {}): AgentInput => ({
      agentId: 'A1', name: '李娜', team: 'T1', region: 'east', role: 'agent', hireDate: '2026-03-01', supervisorId: null, active: true, email: null, language: 'zh-CN', ...over,
    });
    const created = resolveAgent(input(), undefined, '2026-10');
    expect(created).toMatchObject({ level: 'trainee', levelEffectiveFrom: '2026-10' });
    expect(resolveAgent(input({ level: 'regular' }), undefined, '2026-10')).toMatchObject({ level: 'regular', levelEffectiveFrom: '2026-10' });
    expect(resolveAgent(input({ levelEffectiveFrom: '2026-09' }), undefined, '2026-10')).toMatchObject({ level: 'trainee', levelEffectiveFrom: '2026-09' });
    // An update without level keeps the level and its month, whatever the current month.
    const kept = resolveAgent(input({ name: '李娜娜' }), created, '2026-12');
    expect(kept).toMatchObject({ level: 'trainee', levelEffectiveFrom: '2026-10' });
    expect(sameAgent(resolveAgent(input(), created, '2026-12'), created)).toBe(true);
    // Probation passed: regular from the month HR says, or from the current month.
    expect(resolveAgent(input({ level: 'regular', levelEffectiveFrom: '2026-12' }), created, '2026-11')).toMatchObject({ level: 'regular', levelEffectiveFrom: '2026-12' });
    expect(resolveAgent(input({ level: 'regular' }), created, '2026-12')).toMatchObject({ level: 'regular', levelEffectiveFrom: '2026-12' });
    expect(resolveAgent(input({ level: 'trainee' }), created, '2026-12')).toMatchObject({ levelEffectiveFrom: '2026-10' }); // the same level: not a change
    // Only the month moved: still a change.
    expect(sameAgent(resolveAgent(input({ levelEffectiveFrom: '2026-11' }), created, '2026-12'), created)).toBe(false);
    // A record stored before the field existed keeps none until its level is set or changed.
    const { levelEffectiveFrom: _none, ...legacy } = { ...created, level: 'regular' as const };
    expect('levelEffectiveFrom' in resolveAgent(input({ name: 'x' }), legacy, '2026-12')).toBe(false);
    expect(resolveAgent(input({ level: 'one-star' }), legacy, '2026-12')).toMatchObject({ level: 'one-star', levelEffectiveFrom: '2026-12' });
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
