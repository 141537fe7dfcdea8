import type { TransactionScope } from '@app/persistence';

/**
 * Plain SQL in the open transaction. TypeORM answers UPDATE/DELETE with `[rows, count]` and
 * everything else with the rows; `q` always gives the rows.
 */
export abstract class PgStore {
  protected constructor(protected readonly scope: TransactionScope) {}

  protected async q<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const r: unknown = await this.scope.manager().query(sql, params);
    if (Array.isArray(r) && r.length === 2 && Array.isArray(r[0]) && typeof r[1] === 'number') return r[0] as T[];
    return r as T[];
  }
}
