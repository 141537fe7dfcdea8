import { describe, expect, it } from 'vitest';
import { byTableThenMonth, localDayOf, type PartitionRow } from './partitions';

const row = (table: string, from: string | null, partition = `${table}_${from ?? 'default'}`): PartitionRow => ({
  table, partition, from, to: null, rowsEstimate: 0,
});

describe('month partitions for the admin page', () => {
  it('orders by table, then month, with each table’s default partition after its months', () => {
    const rows = [
      row('call_leg', '2026-11-01T00:00:00.000+08:00'),
      row('call_event', null),
      row('call_event', '2026-11-01T00:00:00.000+08:00'),
      row('call_leg', null),
      row('call_event', '2026-09-01T00:00:00.000+08:00'),
      row('call_facts', '2026-10-01T00:00:00.000+08:00'),
      row('call_event', '2026-10-01T00:00:00.000+08:00'),
    ];
    expect([...rows].sort(byTableThenMonth).map((r) => `${r.table} ${localDayOf(r.from) ?? 'default'}`)).toEqual([
      'call_event 2026-09-01',
      'call_event 2026-10-01',
      'call_event 2026-11-01',
      'call_event default',
      'call_facts 2026-10-01',
      'call_leg 2026-11-01',
      'call_leg default',
    ]);
  });

  it('reads a bound’s local day from the service’s text, not from the browser’s zone', () => {
    // Midnight in Shanghai is still the previous day in UTC; the page must show the 1st.
    expect(localDayOf('2026-10-01T00:00:00.000+08:00')).toBe('2026-10-01');
    expect(localDayOf(null)).toBeNull();
  });
});
