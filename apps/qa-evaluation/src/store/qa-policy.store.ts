import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { mergePolicy, type QaPolicy } from '../domain/policy/qa-policy';

const CACHE_MS = 2_000;

export interface ActiveQaPolicy {
  version: string;
  values: QaPolicy;
}

/** The stored policy over the defaults, read through a short cache so every instance sees a change. */
@Injectable()
export class QaPolicyStore {
  private cached?: { at: number; policy: ActiveQaPolicy };

  constructor(private readonly scope: TransactionScope) {}

  async current(): Promise<QaPolicy> {
    return (await this.active()).values;
  }

  async active(): Promise<ActiveQaPolicy> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.policy;
    const rows: Array<{ policy_version: string; values: Partial<Record<keyof QaPolicy, unknown>> }> = await this.scope
      .manager()
      .query(`SELECT policy_version, values FROM qa.policy WHERE id = 1`);
    const policy = { version: rows[0]?.policy_version ?? 'default-1', values: mergePolicy(rows[0]?.values ?? {}) };
    this.cached = { at: Date.now(), policy };
    return policy;
  }

  /** Stores `values` (already merged over the defaults) as the policy in force. */
  async replace(version: string, values: QaPolicy): Promise<void> {
    await this.scope.manager().query(
      `INSERT INTO qa.policy (id, policy_version, values) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET policy_version = EXCLUDED.policy_version, values = EXCLUDED.values, updated_at = now()`,
      [version, JSON.stringify(values)],
    );
    this.cached = undefined;
  }
}
