import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { mergePolicy, type QaPolicy } from '../domain/policy/qa-policy';

const CACHE_MS = 2_000;

/** The stored policy over the defaults, read through a short cache so every instance sees a change. */
@Injectable()
export class QaPolicyStore {
  private cached?: { at: number; policy: QaPolicy };

  constructor(private readonly scope: TransactionScope) {}

  async current(): Promise<QaPolicy> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.policy;
    const rows: Array<{ values: Partial<Record<keyof QaPolicy, unknown>> }> = await this.scope.manager().query(`SELECT values FROM qa.policy WHERE id = 1`);
    const policy = mergePolicy(rows[0]?.values ?? {});
    this.cached = { at: Date.now(), policy };
    return policy;
  }

  async replace(overrides: Partial<Record<keyof QaPolicy, unknown>>): Promise<QaPolicy> {
    const merged = mergePolicy({ ...(await this.current()), ...overrides });
    await this.scope.manager().query(
      `INSERT INTO qa.policy (id, values) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET values = EXCLUDED.values, updated_at = now()`,
      [JSON.stringify(merged)],
    );
    this.cached = undefined;
    return merged;
  }
}
