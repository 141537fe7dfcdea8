import { Injectable } from '@nestjs/common';
import { ShortReadCache, TransactionScope } from '@app/persistence';
import { DEFAULT_NOTIFICATION_POLICY, type NotificationPolicy, type PolicyOverrides } from '../domain/policy/notification-policy';
import { queryRows } from './sql-rows';

export interface ActiveNotificationPolicy {
  version: number;
  values: NotificationPolicy;
  overrides: PolicyOverrides;
  updatedAt: string | null;
}

/** Defaults with the stored overrides on top. */
export abstract class PolicyStore {
  abstract current(): Promise<ActiveNotificationPolicy>;
  abstract replace(overrides: PolicyOverrides, by: string): Promise<ActiveNotificationPolicy>;
}

/** Read for every alert and every send: every instance sees a change within this. */
const CACHE_MS = 1_000;

@Injectable()
export class PgPolicyStore extends PolicyStore {
  private readonly cache: ShortReadCache<ActiveNotificationPolicy>;

  constructor(private readonly scope: TransactionScope) {
    super();
    this.cache = new ShortReadCache(scope, CACHE_MS);
  }

  current(): Promise<ActiveNotificationPolicy> {
    return this.cache.get(() => this.read());
  }

  private async read(): Promise<ActiveNotificationPolicy> {
    const rows = await queryRows<{ version: number; overrides: PolicyOverrides; updated_at: Date }>(
      this.scope,
      `SELECT version, overrides, updated_at FROM notification.policy_override WHERE id = 1`,
    );
    const overrides = rows[0]?.overrides ?? {};
    return { version: rows[0]?.version ?? 0, values: { ...DEFAULT_NOTIFICATION_POLICY, ...overrides }, overrides, updatedAt: rows[0]?.updated_at.toISOString() ?? null };
  }

  async replace(overrides: PolicyOverrides, by: string): Promise<ActiveNotificationPolicy> {
    await this.scope.manager().query(
      `INSERT INTO notification.policy_override (id, version, overrides, updated_by) VALUES (1, 1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET version = notification.policy_override.version + 1, overrides = EXCLUDED.overrides,
         updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [JSON.stringify(overrides), by],
    );
    this.cache.forget();
    return this.current();
  }
}
