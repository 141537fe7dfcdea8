import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';

/**
 * Transaction-scoped locks on business keys (a team's region counts, a person's swaps and leave),
 * so two requests checking the same limit cannot both pass it. Taken in one sorted order: no deadlock.
 */
export abstract class BusinessLocks {
  abstract lock(keys: string[]): Promise<void>;
}

@Injectable()
export class PgBusinessLocks extends BusinessLocks {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async lock(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.scope.manager().query(
      `SELECT pg_advisory_xact_lock(hashtext('attendance:' || k)) FROM (SELECT DISTINCT unnest($1::text[]) AS k ORDER BY 1) keys`,
      [keys],
    );
  }
}
