import { DateTime } from 'luxon';
import { isoInstantProblem, toEpochMs } from './iso-instant';
import { seededRandom } from '../testing/call-event-builder';

/** The fast parser must agree with luxon on every form the validator accepts. */
describe('toEpochMs', () => {
  const random = seededRandom(7);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const offsets = ['Z', '+08:00', '+0800', '+08', '-05:30', '-0330', '+14:00', '-12'];

  it('matches luxon over 5,000 random instants in every accepted form', () => {
    for (let i = 0; i < 5_000; i++) {
      const y = 1990 + Math.floor(random() * 60);
      const mo = 1 + Math.floor(random() * 12);
      const d = 1 + Math.floor(random() * 28);
      const h = Math.floor(random() * 24);
      const mi = Math.floor(random() * 60);
      const s = Math.floor(random() * 60);
      const frac = ['', '.5', '.12', ',250', '.123456', '.123456789'][Math.floor(random() * 6)];
      const seconds = random() < 0.1 ? '' : `:${pad(s)}${frac}`;
      const iso = `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}${seconds}${offsets[Math.floor(random() * offsets.length)]}`;
      expect(isoInstantProblem(iso)).toBeNull();
      expect([iso, toEpochMs(iso)]).toEqual([iso, DateTime.fromISO(iso, { setZone: true }).toMillis()]);
    }
  });

  it('rejects calendar-impossible dates that Date.parse would roll over', () => {
    expect(Number.isNaN(Date.parse('2026-02-30T00:00:00Z'))).toBe(false); // why the check exists
    expect(toEpochMs('2026-02-30T00:00:00Z')).toBeNull();
    expect(toEpochMs('2025-02-29T00:00:00Z')).toBeNull();
    expect(toEpochMs('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    expect(isoInstantProblem('2026-04-31T10:00:00+08:00')).toBe('malformed');
  });
});
