import { findLeaveClash, leavesOverlap, type LeaveAsk, type StandingLeave } from './leave-overlap';

const ask = (from: string, to = from, over: Partial<LeaveAsk> = {}): LeaveAsk => ({ agentId: 'A', type: 'annual', from, to, ...over });
const onFile = (leaveId: string, a: LeaveAsk, status: StandingLeave['status'] = 'requested'): StandingLeave => ({ ...a, leaveId, status });

describe('leavesOverlap: any day in common, the two halves of one date apart', () => {
  it.each([
    ['the same days', ask('2026-10-05', '2026-10-07'), ask('2026-10-05', '2026-10-07'), true],
    ['touching on the last day', ask('2026-10-05', '2026-10-07'), ask('2026-10-07', '2026-10-09'), true],
    ['one inside the other', ask('2026-10-01', '2026-10-31'), ask('2026-10-10'), true],
    ['the next day', ask('2026-10-05', '2026-10-07'), ask('2026-10-08', '2026-10-09'), false],
    ['the day before', ask('2026-10-05', '2026-10-07'), ask('2026-10-04'), false],
    ['am and pm of one date', ask('2026-10-05', '2026-10-05', { halfDay: 'am' }), ask('2026-10-05', '2026-10-05', { halfDay: 'pm' }), false],
    ['am and am of one date', ask('2026-10-05', '2026-10-05', { halfDay: 'am' }), ask('2026-10-05', '2026-10-05', { halfDay: 'am' }), true],
    ['a half day inside a whole one', ask('2026-10-05', '2026-10-06'), ask('2026-10-05', '2026-10-05', { halfDay: 'pm' }), true],
    ['pm of one date, am of the next', ask('2026-10-05', '2026-10-05', { halfDay: 'pm' }), ask('2026-10-06', '2026-10-06', { halfDay: 'am' }), false],
  ])('%s → %s', (_, a, b, expected) => {
    expect(leavesOverlap(a, b)).toBe(expected);
    expect(leavesOverlap(b, a)).toBe(expected);
  });
});

describe('findLeaveClash: the same leave asked again, or another sharing a day', () => {
  const annual = onFile('L1', ask('2026-10-05', '2026-10-07'));

  it('finds the same request (agent, type, days, half) as that leave, requested or approved', () => {
    expect(findLeaveClash(ask('2026-10-05', '2026-10-07'), [annual])).toEqual({ kind: 'same', leave: annual });
    const approved = onFile('L2', ask('2026-10-09', '2026-10-09', { halfDay: 'am' }), 'approved');
    expect(findLeaveClash(ask('2026-10-09', '2026-10-09', { halfDay: 'am' }), [approved])).toEqual({ kind: 'same', leave: approved });
  });

  it('treats a missing half day and null alike', () => {
    expect(findLeaveClash(ask('2026-10-05', '2026-10-07', { halfDay: null }), [annual])?.kind).toBe('same');
  });

  it('names the overlapping leave and the end of the request that reaches into it', () => {
    expect(findLeaveClash(ask('2026-10-06', '2026-10-10'), [annual])).toEqual({ kind: 'overlaps', leave: annual, path: 'from' });
    expect(findLeaveClash(ask('2026-10-01', '2026-10-05'), [annual])).toEqual({ kind: 'overlaps', leave: annual, path: 'to' });
    expect(findLeaveClash(ask('2026-10-01', '2026-10-09'), [annual])).toEqual({ kind: 'overlaps', leave: annual, path: 'to' });
  });

  it('refuses the same days under another type, or half of them', () => {
    expect(findLeaveClash(ask('2026-10-05', '2026-10-07', { type: 'sick' }), [annual])).toMatchObject({ kind: 'overlaps', path: 'from' });
    expect(findLeaveClash(ask('2026-10-06', '2026-10-06', { halfDay: 'am' }), [annual])).toMatchObject({ kind: 'overlaps', path: 'from' });
  });

  it('prefers the same leave over another overlapping one on file', () => {
    const other = onFile('L0', ask('2026-10-07', '2026-10-08', { type: 'sick' }));
    expect(findLeaveClash(ask('2026-10-05', '2026-10-07'), [other, annual])).toEqual({ kind: 'same', leave: annual });
  });

  it('lets the other half of a date through', () => {
    const am = onFile('L3', ask('2026-10-12', '2026-10-12', { halfDay: 'am' }));
    expect(findLeaveClash(ask('2026-10-12', '2026-10-12', { halfDay: 'pm' }), [am])).toBeNull();
  });

  it('ignores rejected leave and other agents', () => {
    expect(findLeaveClash(ask('2026-10-05', '2026-10-07'), [onFile('L4', ask('2026-10-05', '2026-10-07'), 'rejected')])).toBeNull();
    expect(findLeaveClash(ask('2026-10-05', '2026-10-07'), [onFile('L5', ask('2026-10-05', '2026-10-07', { agentId: 'B' }))])).toBeNull();
  });
});
