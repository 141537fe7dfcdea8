import type { TransactionScope } from '@app/persistence';

/**
 * Rows of any statement: TypeORM answers UPDATE/DELETE … RETURNING with [rows, count] and
 * everything else with rows.
 */
export async function queryRows<T>(scope: TransactionScope, sql: string, params: unknown[] = []): Promise<T[]> {
  const result: unknown = await scope.manager().query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
