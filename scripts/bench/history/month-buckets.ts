import { DateTime } from 'luxon';

/** Month (yyyy-MM in a zone) of an instant, by comparing with precomputed month starts: millions of instants, no date maths each. */
export class MonthBuckets {
  private readonly starts: number[] = [];
  private readonly periods: string[] = [];

  constructor(first: string, count: number, readonly zone: string) {
    const start = DateTime.fromFormat(first, 'yyyy-MM', { zone });
    for (let i = 0; i <= count; i++) {
      const m = start.plus({ months: i });
      this.starts.push(m.toMillis());
      this.periods.push(m.toFormat('yyyy-MM'));
    }
  }

  /** The month of `ms`; throws outside the months covered (a bug in whoever generated the instant). */
  periodOf(ms: number): string {
    for (let i = this.starts.length - 2; i >= 0; i--) if (ms >= this.starts[i]) {
      if (ms >= this.starts[i + 1]) break;
      return this.periods[i];
    }
    throw new Error(`${new Date(ms).toISOString()} is outside ${this.periods[0]}…${this.periods.at(-2)}`);
  }

  /** The month's window as UTC instants, for SQL. */
  window(period: string): { from: Date; to: Date } {
    const from = DateTime.fromFormat(period, 'yyyy-MM', { zone: this.zone });
    return { from: from.toJSDate(), to: from.plus({ months: 1 }).toJSDate() };
  }
}
