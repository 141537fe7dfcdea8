import { localMonths, missingRanges, wantedMonths } from './month-partitions';

const iso = (ms: number) => new Date(ms).toISOString();

describe('monthly partitions', () => {
  it('cuts local months of the centre’s time zone: October in Shanghai starts 30 Sep 16:00 UTC', () => {
    const months = localMonths('call_event', Date.parse('2026-10-05T00:00:00Z'), Date.parse('2026-11-20T00:00:00Z'), 'Asia/Shanghai');
    expect(months.map((m) => [m.name, iso(m.from), iso(m.to)])).toEqual([
      ['call_event_y2026m10', '2026-09-30T16:00:00.000Z', '2026-10-31T16:00:00.000Z'],
      ['call_event_y2026m11', '2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z'],
    ]);
  });

  it('keeps ready every month back to the past horizon and the months ahead', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    const months = wantedMonths('call_leg', now, 'Asia/Shanghai', 400, 2);
    expect(months[0].name).toBe('call_leg_y2025m10'); // 400 days before 23 Nov 2026 is 19 Oct 2025
    expect(months.at(-1)!.name).toBe('call_leg_y2027m01');
    expect(months).toHaveLength(16);
    for (let i = 1; i < months.length; i++) expect(months[i].from).toBe(months[i - 1].to);
  });

  it('creates nothing that exists and clips around partitions cut in another zone', () => {
    const shanghai = localMonths('t', Date.parse('2026-10-05T00:00:00Z'), Date.parse('2026-11-05T00:00:00Z'), 'Asia/Shanghai');
    expect(missingRanges(shanghai, shanghai, 't')).toEqual([]);
    const utc = localMonths('t', Date.parse('2026-10-05T00:00:00Z'), Date.parse('2026-12-05T00:00:00Z'), 'UTC');
    const missing = missingRanges(utc, shanghai, 't');
    expect(missing.map((m) => [m.name, iso(m.from), iso(m.to)])).toEqual([
      ['t_from20261130T1600', '2026-11-30T16:00:00.000Z', '2026-12-01T00:00:00.000Z'],
      ['t_y2026m12', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    ]);
  });
});
