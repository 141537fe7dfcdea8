import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { PERIOD_PATTERN } from '../domain/period';

export interface PeriodState {
  period: string;
  state: 'open' | 'closed';
  closedAt: string | null;
  policyVersion: string | null;
  forced: boolean;
  carriedOver: string[];
}

/** Month states, the close lock and the closed months waiting to be re-scored. */
export abstract class PeriodStore {
  abstract get(period: string): Promise<PeriodState>;
  /** Serialises closes and revisions of one month across instances, until the transaction ends. */
  abstract lock(period: string): Promise<void>;
  /**
   * Marks the closed ones among `periods` under a shared lock on each, taken by a fact's transaction
   * before it looks whether they are closed: a close waits for facts in flight (and sees them), and
   * a fact after it sees the month closed (and marks it). One round trip, two statements.
   */
  abstract markDirtyUnderLock(periods: string[]): Promise<void>;
  abstract markClosed(p: Omit<PeriodState, 'state' | 'closedAt'>): Promise<void>;
  abstract setPolicy(period: string, policyVersion: string): Promise<void>;
  /** Marks the closed ones among `periods` for re-scoring. */
  abstract markDirty(periods: string[]): Promise<number>;
  /** A month waiting to be re-scored, or null. */
  abstract peekDirty(): Promise<string | null>;
  /** Clears the mark (under the month's lock); false when another instance took it first. */
  abstract clearDirty(period: string): Promise<boolean>;
  abstract latestClosed(): Promise<string | null>;
}

@Injectable()
export class PgPeriodStore extends PeriodStore {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async get(period: string): Promise<PeriodState> {
    const rows: Array<{ state: 'open' | 'closed'; closed_at: Date | null; policy_version: string; forced: boolean; carried_over: string[] }> = await this.scope
      .manager()
      .query(`SELECT state, closed_at, policy_version, forced, carried_over FROM scoring.period WHERE period = $1`, [period]);
    const r = rows[0];
    return r
      ? { period, state: r.state, closedAt: r.closed_at?.toISOString() ?? null, policyVersion: r.policy_version, forced: r.forced, carriedOver: r.carried_over }
      : { period, state: 'open', closedAt: null, policyVersion: null, forced: false, carriedOver: [] };
  }

  async lock(period: string): Promise<void> {
    await this.scope.manager().query(`SELECT pg_advisory_xact_lock(hashtext('scoring.period'), hashtext($1))`, [period]);
  }

  async markDirtyUnderLock(periods: string[]): Promise<void> {
    const sorted = [...new Set(periods)].sort();
    if (sorted.some((p) => !PERIOD_PATTERN.test(p))) throw new Error(`not a period: ${sorted.join(', ')}`);
    const list = sorted.map((p) => `'${p}'`).join(', ');
    // Literals (checked above), so the simple protocol can carry both statements; the second one
    // takes its snapshot after the lock is held and so sees a close that committed meanwhile.
    await this.scope.manager().query(
      `SELECT pg_advisory_xact_lock_shared(hashtext('scoring.period'), hashtext(p)) FROM unnest(ARRAY[${list}]::text[]) WITH ORDINALITY AS u(p, n) ORDER BY n;
       INSERT INTO scoring.period_dirty (period) SELECT period FROM scoring.period WHERE state = 'closed' AND period IN (${list}) ON CONFLICT DO NOTHING`,
    );
  }

  async markClosed(p: Omit<PeriodState, 'state' | 'closedAt'>): Promise<void> {
    await this.scope.manager().query(
      `INSERT INTO scoring.period (period, state, closed_at, policy_version, forced, carried_over) VALUES ($1, 'closed', now(), $2, $3, $4)
       ON CONFLICT (period) DO UPDATE SET state = 'closed', closed_at = now(), policy_version = EXCLUDED.policy_version, forced = EXCLUDED.forced, carried_over = EXCLUDED.carried_over`,
      [p.period, p.policyVersion, p.forced, JSON.stringify(p.carriedOver)],
    );
  }

  async setPolicy(period: string, policyVersion: string): Promise<void> {
    await this.scope.manager().query(`UPDATE scoring.period SET policy_version = $2 WHERE period = $1`, [period, policyVersion]);
  }

  async markDirty(periods: string[]): Promise<number> {
    if (periods.length === 0) return 0;
    const rows = await this.scope.manager().query(
      `INSERT INTO scoring.period_dirty (period) SELECT period FROM scoring.period WHERE state = 'closed' AND period = ANY($1::text[])
       ON CONFLICT DO NOTHING RETURNING period`,
      [[...new Set(periods)]],
    );
    return rows.length;
  }

  async peekDirty(): Promise<string | null> {
    const rows: Array<{ period: string }> = await this.scope.manager().query(`SELECT period FROM scoring.period_dirty ORDER BY period LIMIT 1`);
    return rows[0]?.period ?? null;
  }

  async clearDirty(period: string): Promise<boolean> {
    const rows = await this.scope.manager().query(`WITH d AS (DELETE FROM scoring.period_dirty WHERE period = $1 RETURNING 1) SELECT 1 FROM d`, [period]);
    return rows.length > 0;
  }

  async latestClosed(): Promise<string | null> {
    const rows: Array<{ period: string }> = await this.scope.manager().query(`SELECT max(period) AS period FROM scoring.period WHERE state = 'closed'`);
    return rows[0]?.period ?? null;
  }
}
