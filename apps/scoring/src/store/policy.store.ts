import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import type { ScoringPolicy } from '../domain/policy/scoring-policy';
import { withDefaults } from '../domain/policy/with-defaults';

export interface StoredPolicy {
  policyVersion: string;
  name: string;
  version: number;
  effectiveFrom: string;
  document: ScoringPolicy;
  createdAt: string;
  activatedAt: string | null;
  active: boolean;
}

/** Versioned policy documents; the most recently activated one is in force. */
export abstract class PolicyStore {
  /** Up to `limit` versions after (name, version) `after`, in that order. */
  abstract list(page: { after?: [name: string, version: number]; limit: number }): Promise<StoredPolicy[]>;
  abstract get(policyVersion: string): Promise<StoredPolicy | null>;
  /** The policy in force now. */
  abstract active(): Promise<StoredPolicy>;
  /** The policy a month is scored by: the latest activated whose effective month has begun by then. */
  abstract forPeriod(period: string): Promise<StoredPolicy>;
  abstract create(document: ScoringPolicy): Promise<StoredPolicy>;
  abstract markActivated(policyVersion: string): Promise<StoredPolicy>;
}

type Row = { policy_version: string; name: string; version: number; effective_from: string; document: ScoringPolicy; created_at: Date; activated_at: Date | null; active: boolean };
const COLUMNS = `policy_version, name, version, effective_from, document, created_at, activated_at,
  activated_at IS NOT NULL AND activated_at = (SELECT max(activated_at) FROM scoring.policy) AS active`;
const toStored = (r: Row): StoredPolicy => ({
  // Documents stored before a parameter existed read with its default (with-defaults.ts).
  policyVersion: r.policy_version, name: r.name, version: r.version, effectiveFrom: r.effective_from, document: withDefaults(r.document),
  createdAt: r.created_at.toISOString(), activatedAt: r.activated_at?.toISOString() ?? null, active: r.active,
});

@Injectable()
export class PgPolicyStore extends PolicyStore {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  private async rows(where: string, params: unknown[] = []): Promise<StoredPolicy[]> {
    const rows: Row[] = await this.scope.manager().query(`SELECT ${COLUMNS} FROM scoring.policy ${where}`, params);
    return rows.map(toStored);
  }

  list(page: { after?: [name: string, version: number]; limit: number }): Promise<StoredPolicy[]> {
    // Names in code-point order (COLLATE "C"): the cursor's comparison, whatever the database's collation.
    return this.rows(`WHERE ($1::text IS NULL OR (name COLLATE "C", version) > ($1::text COLLATE "C", $2::int)) ORDER BY name COLLATE "C", version LIMIT $3`, [
      page.after?.[0] ?? null, page.after?.[1] ?? null, page.limit,
    ]);
  }

  async get(policyVersion: string): Promise<StoredPolicy | null> {
    return (await this.rows(`WHERE policy_version = $1`, [policyVersion]))[0] ?? null;
  }

  async active(): Promise<StoredPolicy> {
    const [p] = await this.rows(`WHERE activated_at IS NOT NULL ORDER BY activated_at DESC LIMIT 1`);
    if (!p) throw new Error('no active policy: the seed migration did not run');
    return p;
  }

  async forPeriod(period: string): Promise<StoredPolicy> {
    const [p] = await this.rows(`WHERE activated_at IS NOT NULL AND effective_from <= $1 ORDER BY activated_at DESC LIMIT 1`, [period]);
    return p ?? this.active();
  }

  async create(document: ScoringPolicy): Promise<StoredPolicy> {
    await this.scope.manager().query(
      `INSERT INTO scoring.policy (policy_version, name, version, effective_from, document)
       SELECT $1 || '-' || v, $1, v, $2, jsonb_set($3::jsonb, '{name}', to_jsonb($1::text))
       FROM (SELECT coalesce(max(version), 0) + 1 AS v FROM scoring.policy WHERE name = $1) n`,
      [document.name, document.effectiveFrom, JSON.stringify(document)],
    );
    return (await this.rows(`WHERE name = $1 ORDER BY version DESC LIMIT 1`, [document.name]))[0];
  }

  async markActivated(policyVersion: string): Promise<StoredPolicy> {
    await this.scope.manager().query(`UPDATE scoring.policy SET activated_at = clock_timestamp() WHERE policy_version = $1`, [policyVersion]);
    return (await this.get(policyVersion))!;
  }
}
