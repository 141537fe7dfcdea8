import { knownOverrides, withKnownOverrides } from '@app/contracts';
import { TransactionScope } from '../transaction-scope';
import { ShortReadCache } from '../short-read-cache';

export interface ActivePolicy<T> {
  version: string;
  values: T;
}

/** The version a service answers with before any policy was activated (its defaults). */
export const DEFAULT_POLICY_VERSION = 'default-1';

/** Where a service keeps its section of the active policy: one row (id 1) of a trusted table. */
export interface PolicyCopyTable<T> {
  /** e.g. `telephony.policy_copy`. */
  table: string;
  /** The jsonb column holding the section's overrides (or, for qa, its merged values). */
  column: string;
  /** The timestamp column set on every replacement. */
  stampColumn?: string;
  /** The service's defaults: what holds until a policy says otherwise, and which keys it knows. */
  defaults: T;
  /** How stored values lie over the defaults; default: the known keys replace the defaults' (qa merges section by section). */
  merge?: (stored: Record<string, unknown>) => T;
}

const CACHE_MS = 2_000;

/**
 * A service's copy of its section of the policy in force. Read through a short cache from the
 * database, so every instance sees an update even though only one of them consumed the event.
 * One class for every service that keeps such a copy (telephony, attendance, qa).
 */
export abstract class PolicyCopyStore<T extends object> {
  private readonly cache: ShortReadCache<ActivePolicy<T>>;

  protected constructor(
    private readonly scope: TransactionScope,
    private readonly copy: PolicyCopyTable<T>,
  ) {
    this.cache = new ShortReadCache(scope, CACHE_MS);
  }

  active(): Promise<ActivePolicy<T>> {
    return this.cache.get(() => this.read());
  }

  private async read(): Promise<ActivePolicy<T>> {
    const rows: Array<{ policy_version: string; stored: Record<string, unknown> | null }> = await this.scope
      .manager()
      .query(`SELECT policy_version, ${this.copy.column} AS stored FROM ${this.copy.table} WHERE id = 1`);
    const stored = rows[0]?.stored ?? {};
    const values = this.copy.merge ? this.copy.merge(stored) : withKnownOverrides(this.copy.defaults as T & object, stored);
    return { version: rows[0]?.policy_version ?? DEFAULT_POLICY_VERSION, values };
  }

  /** Keeps `section`'s known keys of the right kind as the overrides in force under `version`. */
  async replaceSection(version: string, section: unknown): Promise<void> {
    await this.replace(version, knownOverrides(this.copy.defaults as T & object, section));
  }

  /** Stores `stored` (overrides, or merged values) under `version` as the policy in force. */
  async replace(version: string, stored: object): Promise<void> {
    const { table, column, stampColumn = 'received_at' } = this.copy;
    await this.scope.manager().query(
      `INSERT INTO ${table} (id, policy_version, ${column}) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET policy_version = EXCLUDED.policy_version, ${column} = EXCLUDED.${column}, ${stampColumn} = now()`,
      [version, JSON.stringify(stored)],
    );
    this.cache.forget();
  }
}
