import { periodWindow } from '../domain/period';

/**
 * The month of an instant in one zone, for every fact of a batch. Luxon per instant was the consumer path's largest
 * cost (issue 20's profile: ~18 % of the service's CPU); a month's window is computed once and an instant is placed by
 * comparing numbers. No zone is more than 14 hours from UTC, so the month is the instant's UTC month or a neighbour.
 */
export class MonthFinder {
  private readonly windows = new Map<string, { from: number; to: number }>();

  constructor(readonly zone: string) {}

  /** `yyyy-mm`, or undefined for an instant that is not a date. */
  periodOf(instant: string | Date): string | undefined {
    // A date-time without an offset is UTC here, as luxon read it (JS would take it as the host's local time).
    const d = typeof instant === 'string' ? new Date(instant.includes('T') && !/(Z|[+-]\d{2}:?\d{2})$/i.test(instant) ? `${instant}Z` : instant) : instant;
    const t = d.getTime();
    if (Number.isNaN(t)) return undefined;
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    for (const shift of [0, -1, 1]) {
      const p = periodAt(y, m + shift);
      const w = this.window(p);
      if (w.from <= t && t < w.to) return p;
    }
    return undefined;
  }

  /** The month `months` after `period` (arithmetic: this runs for every batch). */
  static plus(period: string, months: number): string {
    const [y, m] = period.split('-').map(Number);
    return periodAt(y, m - 1 + months);
  }

  /** When the month ends, as epoch milliseconds. */
  endOf(period: string): number {
    return this.window(period).to;
  }

  private window(period: string): { from: number; to: number } {
    let w = this.windows.get(period);
    if (!w) {
      const { from, to } = periodWindow(period, this.zone);
      this.windows.set(period, (w = { from: from.getTime(), to: to.getTime() }));
    }
    return w;
  }
}

function periodAt(year: number, monthIndex: number): string {
  const y = year + Math.floor(monthIndex / 12);
  const m = ((monthIndex % 12) + 12) % 12;
  return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}`;
}
