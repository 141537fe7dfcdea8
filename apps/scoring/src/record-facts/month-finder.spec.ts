import { addMonths, periodOfInstant } from '../domain/period';
import { MonthFinder } from './month-finder';

describe('MonthFinder', () => {
  it('places instants in the same month as periodOfInstant, in zones far east and west of UTC', () => {
    for (const zone of ['Asia/Shanghai', 'UTC', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kathmandu']) {
      const finder = new MonthFinder(zone);
      const differ: string[] = [];
      // Every ~17 minutes over two years, through month ends and daylight-saving changes.
      for (let t = Date.parse('2025-01-01T00:00:00Z'); t < Date.parse('2027-01-05T00:00:00Z'); t += 1_033_000) {
        const iso = new Date(t).toISOString();
        if (finder.periodOf(iso) !== periodOfInstant(iso, zone)) differ.push(iso);
      }
      expect({ zone, differ: differ.slice(0, 3) }).toEqual({ zone, differ: [] });
    }
  });

  it('takes Dates and turns down what is not a date', () => {
    const finder = new MonthFinder('Asia/Shanghai');
    expect(finder.periodOf(new Date('2026-10-31T16:00:00.000Z'))).toBe('2026-11');
    expect(finder.periodOf('2026-10-31T15:59:59.999Z')).toBe('2026-10');
    expect(finder.periodOf('not a date')).toBeUndefined();
  });

  it('steps months as addMonths does and knows when a month ends', () => {
    for (const p of ['2025-01', '2025-12', '2024-02']) for (let i = -13; i < 26; i++) expect(MonthFinder.plus(p, i)).toBe(addMonths(p, i));
    expect(new Date(new MonthFinder('Asia/Shanghai').endOf('2026-10')).toISOString()).toBe('2026-10-31T16:00:00.000Z');
  });
});

describe('MonthFinder on an instant without an offset', () => {
  it('reads it as UTC, whatever the host zone', () => {
    const finder = new MonthFinder('Asia/Shanghai');
    // 2026-10-31T17:00 UTC is 1 November 01:00 in Shanghai.
    expect(finder.periodOf('2026-10-31T17:00:00')).toBe('2026-11');
    expect(finder.periodOf('2026-10-31T17:00:00Z')).toBe('2026-11');
    expect(finder.periodOf('2026-10-31T15:00:00.000')).toBe('2026-10');
  });
});
