import { mergePolicy } from './attendance-policy';

describe('mergePolicy', () => {
  it('merges policy overrides of known keys and the right type only', () => {
    const p = mergePolicy({ lateGraceMinutes: 10, maxSwapsPerMonth: 'many', timeZone: 'Europe/Berlin', nope: 1 });
    expect([p.lateGraceMinutes, p.maxSwapsPerMonth, p.timeZone, 'nope' in p]).toEqual([10, 3, 'Europe/Berlin', false]);
  });
});
