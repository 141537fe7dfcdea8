import { parseInstant, periodsEndingWith } from './local-time';

describe('local time', () => {
  it('knows instants with an offset', () => {
    expect(parseInstant('2026-10-05T08:00:00+08:00')).toBe(Date.UTC(2026, 9, 5, 0, 0));
    expect(parseInstant('2026-10-05T08:00:00')).toBeNull(); // no offset: ambiguous
    expect(periodsEndingWith('2026-01', 3)).toEqual(['2025-11', '2025-12', '2026-01']);
  });
});
