import { DEFAULT_ATTENDANCE_POLICY, mergePolicy } from './attendance-policy';
import { adherence, availableIntervals } from './adherence';
import { resolveAgent, sameAgent, type AgentInput } from './agent-record';
import { clockEventOf } from './clock-event';
import { parseInstant, periodsEndingWith } from './local-time';
import { shiftTypeErrors } from './shift-type';

describe('input rules', () => {
  it('knows instants with an offset', () => {
    expect(parseInstant('2026-10-05T08:00:00+08:00')).toBe(Date.UTC(2026, 9, 5, 0, 0));
    expect(parseInstant('2026-10-05T08:00:00')).toBeNull(); // no offset: ambiguous
    expect(periodsEndingWith('2026-01', 3)).toEqual(['2025-11', '2025-12', '2026-01']);
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
    const ev = (at: string) => clockEventOf({ eventId: 'e', agentId: 'A1', type: 'in', at }, now, DEFAULT_ATTENDANCE_POLICY);
    expect(ev('2026-10-05T08:04:00+08:00')).toEqual({ event: { eventId: 'e', agentId: 'A1', type: 'in', at: now + 240_000 } });
    expect(ev('2027-10-05T08:00:00+08:00')).toEqual({ errors: [{ path: 'at', message: expect.stringContaining('future') }] });
  });

  it('refuses a shift type that ends when it starts (an overnight one is fine)', () => {
    expect(shiftTypeErrors({ start: '22:00', end: '06:00' })).toEqual([]);
    expect(shiftTypeErrors({ start: '09:00', end: '09:00' }).map((e) => e.path)).toEqual(['end']);
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
