import { resolveAgent, sameAgent, type AgentInput } from './agent-record';

describe('resolveAgent', () => {
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
});
