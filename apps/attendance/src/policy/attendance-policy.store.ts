import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { mergePolicy, type AttendancePolicy } from '../domain/attendance-policy';

export interface ActivePolicy {
  version: string;
  values: AttendancePolicy;
}

const CACHE_MS = 2_000;

/**
 * The attendance policy in force: the typed defaults with the stored overrides on top (seeded
 * empty by migration, replaced when scoring activates a policy). Read through a short cache, so
 * every instance sees an update even though only one of them consumed the event.
 */
@Injectable()
export class AttendancePolicyStore {
  private cached?: { at: number; policy: ActivePolicy };

  constructor(private readonly scope: TransactionScope) {}

  async current(): Promise<ActivePolicy> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.policy;
    const rows: Array<{ policy_version: string; attendance: Record<string, unknown> }> = await this.scope
      .manager()
      .query(`SELECT policy_version, attendance FROM attendance.policy_copy WHERE id = 1`);
    const policy: ActivePolicy = { version: rows[0]?.policy_version ?? 'default-1', values: mergePolicy(rows[0]?.attendance ?? {}) };
    this.cached = { at: Date.now(), policy };
    return policy;
  }

  async replace(version: string, overrides: Record<string, unknown>): Promise<void> {
    await this.scope.manager().query(
      `INSERT INTO attendance.policy_copy (id, policy_version, attendance) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET policy_version = EXCLUDED.policy_version, attendance = EXCLUDED.attendance, received_at = now()`,
      [version, JSON.stringify(overrides)],
    );
    this.cached = undefined;
  }
}
