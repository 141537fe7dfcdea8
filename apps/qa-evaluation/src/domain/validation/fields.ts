import { isRecord, problem, type Problem } from './problems';

/**
 * Reads the top-level fields of a request body, collecting a problem (with the field's path) for
 * each missing or mistyped one, so a request is refused whole and names every bad field.
 */
export class Fields {
  readonly problems: Problem[] = [];
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

  integer(key: string, opts: { optional?: boolean; min?: number } = {}): number | undefined {
    const v = this.body[key];
    if (v === undefined || v === null) return opts.optional ? undefined : this.bad(key, 'required / 必填');
    if (typeof v !== 'number' || !Number.isInteger(v) || v < (opts.min ?? 0)) return this.bad(key, `a whole number ≥ ${opts.min ?? 0} / 须为整数`);
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
    if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v) || Number.isNaN(Date.parse(v))) {
      return this.bad(key, 'an ISO-8601 instant with offset / 须为带时区的 ISO-8601 时间');
    }
    return new Date(v);
  }

  /** Fails on any field not in `known` (typos must not pass silently). */
  only(known: string[]): void {
    for (const key of Object.keys(this.body)) if (!known.includes(key)) this.bad(key, 'unknown field / 未知字段');
  }
}
