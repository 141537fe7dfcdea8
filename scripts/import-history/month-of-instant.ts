import { DateTime, IANAZone } from 'luxon';

/**
 * The calendar month (`YYYY-MM`) of instants in a time zone, as scoring reads periods. History is
 * mostly in time order, so the last month's bounds are kept and luxon runs once per month, not per line.
 */
export class MonthOfInstant {
  private start = Infinity;
  private end = -Infinity;
  private label = '';

  constructor(private readonly zone: string) {}

  of(epochMs: number): string {
    if (epochMs >= this.start && epochMs < this.end) return this.label;
    const month = DateTime.fromMillis(epochMs, { zone: this.zone }).startOf('month');
    this.start = month.toMillis();
    this.end = month.plus({ months: 1 }).toMillis();
    this.label = month.toFormat('yyyy-MM');
    return this.label;
  }
}

/** The first instant of `YYYY-MM` in `zone`, or a reason it cannot be read. */
export function monthStart(month: string, zone: string): { epochMs: number } | { problem: string } {
  if (!IANAZone.isValidZone(zone)) return { problem: `--time-zone ${zone} is not an IANA time zone (e.g. Asia/Shanghai)` };
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return { problem: `--from ${month} is not a month (YYYY-MM, e.g. 2025-12)` };
  return { epochMs: DateTime.fromFormat(month, 'yyyy-MM', { zone }).toMillis() };
}
