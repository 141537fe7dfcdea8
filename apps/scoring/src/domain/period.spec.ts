import { addMonths, localDate, periodOfInstant, periodWindow, quarterOf } from './period';

describe('periods in the policy time zone', () => {
  it('puts 2026-10-31T16:00Z (00:00 on 1 November in Shanghai) in November, a second earlier in October', () => {
    expect(periodOfInstant('2026-10-31T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-11');
    expect(periodOfInstant('2026-10-31T15:59:59.999Z', 'Asia/Shanghai')).toBe('2026-10');
    expect(periodOfInstant('2026-09-30T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-10');
  });
  it('gives the month as UTC instants', () => {
    const w = periodWindow('2026-10', 'Asia/Shanghai');
    expect([w.from.toISOString(), w.to.toISOString()]).toEqual(['2026-09-30T16:00:00.000Z', '2026-10-31T16:00:00.000Z']);
  });
  it('steps months and quarters', () => {
    expect([addMonths('2026-01', -1), addMonths('2026-12', 1), quarterOf('2026-10'), quarterOf('2026-09')]).toEqual(['2025-12', '2027-01', '2026-Q4', '2026-Q3']);
  });
});

describe('localDate', () => {
  it('reads the local date of an instant in the zone', () => {
    expect(localDate('2026-10-31T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-11-01');
    expect(localDate('2026-10-31T15:59:59.000Z', 'Asia/Shanghai')).toBe('2026-10-31');
  });
});
