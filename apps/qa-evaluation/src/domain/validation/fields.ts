import { isInstantParam, YEARS } from '@app/contracts';
import { isRecord, problem, type Problem } from './problems';

/**
 * Reads the top-level fields of a request body, collecting a problem (with the field's path) for
 * each missing or mistyped one, so a request is refused whole and names every bad field.
 */
export class Fields {
  readonly problems: Problem<'QA.REQUEST_INVALID'>[] = [];
  private readonly body: Record<string, unknown>;

  constructor(raw: unknown, private readonly prefix = '') {
    this.body = isRecord(raw) ? raw : {};
    if (!isRecord(raw)) this.problems.push(problem('QA.REQUEST_INVALID', prefix || 'body', 'a JSON object is required / 需要 JSON 对象'));
  }

  private bad(key: string, message: string): undefined {
    this.problems.push(problem('QA.REQUEST_INVALID', this.prefix ? `${this.prefix}.${key}` : key, message));
    return undefined;
  }

  raw(key: string): unknown {
    return this.body[key];
  }

  string(key: string, opts: { optional?: boolean; max?: number } = {}): string | undefined {
    const v = this.body[key];
    if (v === undefined || v === null) return opts.optional ? undefined : this.bad(key, 'required / 必填');
    if (typeof v !== 'string' || v.trim() === '') return this.bad(key, 'a non-empty string / 须为非空字符串');
    if (v.length > (opts.max ?? 2000)) return this.bad(key, `at most ${opts.max ?? 2000} characters / 过长`);
    return v;
  }

  /** A whole number held in a PostgreSQL integer column: 1e308 and 30-digit numbers are integers to JS, not to it. */
  integer(key: string, opts: { optional?: boolean; min?: number; max?: number } = {}): number | undefined {
    const v = this.body[key];
    if (v === undefined || v === null) return opts.optional ? undefined : this.bad(key, 'required / 必填');
    const max = opts.max ?? 2_147_483_647;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < (opts.min ?? 0) || v > max) return this.bad(key, `a whole number from ${opts.min ?? 0} to ${max} / 须为整数`);
    return v;
  }

  boolean(key: string, opts: { optional?: boolean } = {}): boolean | undefined {
    const v = this.body[key];
    if (v === undefined || v === null) return opts.optional ? undefined : this.bad(key, 'required / 必填');
    if (typeof v !== 'boolean') return this.bad(key, 'true or false / 须为 true 或 false');
    return v;
  }

  /** An ISO-8601 instant with an offset or Z. */
  instant(key: string, opts: { optional?: boolean } = {}): Date | undefined {
    const v = this.body[key];
    if (v === undefined || v === null) return opts.optional ? undefined : this.bad(key, 'required / 必填');
    if (!isInstantParam(v)) {
      return this.bad(key, `an ISO-8601 instant with offset from ${YEARS.min} to ${YEARS.max} / 须为 ${YEARS.min}–${YEARS.max} 年间带时区的 ISO-8601 时间`);
    }
    return new Date(v);
  }

  /** A local calendar date yyyy-mm-dd that exists (no 2026-02-30). */
  localDate(key: string, opts: { optional?: boolean } = {}): string | undefined {
    const v = this.body[key];
    if (v === undefined || v === null) return opts.optional ? undefined : this.bad(key, 'required / 必填');
    if (!isCalendarDate(v)) return this.bad(key, 'a calendar date yyyy-mm-dd / 须为有效日期 yyyy-mm-dd');
    return v;
  }

  /** Fails on any field not in `known` (typos must not pass silently). */
  only(known: string[]): void {
    for (const key of Object.keys(this.body)) if (!known.includes(key)) this.bad(key, 'unknown field / 未知字段');
  }
}

/** `yyyy-mm-dd` naming a day that exists in the proleptic Gregorian calendar. */
export function isCalendarDate(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(y, mo - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d;
}
