import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { DEFAULT_TELEPHONY_POLICY, type TelephonyPolicy } from '../domain/telephony-policy';

export interface ActivePolicy {
  version: string;
  values: TelephonyPolicy;
}

export const DEFAULT_POLICY_VERSION = 'default-1';
const CACHE_MS = 2_000;

/**
 * The telephony section of the policy scoring published last (defaults until one arrives).
 * Read through a short cache from the database, so every instance sees an update even though
 * only one of them consumed the event.
 */
@Injectable()
export class TelephonyPolicyStore {
  private cached?: { at: number; policy: ActivePolicy };

  constructor(private readonly scope: TransactionScope) {}

  async current(): Promise<ActivePolicy> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.policy;
    const rows: Array<{ policy_version: string; telephony: Partial<TelephonyPolicy> }> = await this.scope
      .manager()
      .query(`SELECT policy_version, telephony FROM telephony.policy_copy WHERE id = 1`);
    const policy: ActivePolicy = rows[0]
      ? { version: rows[0].policy_version, values: { ...DEFAULT_TELEPHONY_POLICY, ...rows[0].telephony } }
      : { version: DEFAULT_POLICY_VERSION, values: { ...DEFAULT_TELEPHONY_POLICY } };
    this.cached = { at: Date.now(), policy };
    return policy;
  }

  async replace(version: string, telephony: Partial<TelephonyPolicy>): Promise<void> {
    await this.scope.manager().query(
      `INSERT INTO telephony.policy_copy (id, policy_version, telephony) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET policy_version = EXCLUDED.policy_version, telephony = EXCLUDED.telephony, received_at = now()`,
      [version, JSON.stringify(telephony)],
    );
    this.cached = undefined;
  }
}
