import { Injectable } from '@nestjs/common';
import { instantFromMicros, microsOf, ShortReadCache, TransactionScope } from '@app/persistence';
import type { RoutingRule } from '../domain/routing/routing-rule';
import { queryRows } from './sql-rows';

export interface StoredRoutingRule extends RoutingRule {
  seeded: boolean;
  createdAt: string;
  updatedAt: string;
}

export abstract class RoutingRuleStore {
  abstract list(): Promise<StoredRoutingRule[]>;
  /** Up to `take` rules after `after` in list order: the fallback rules last, then by (created, ruleId). */
  abstract page(after: RulePageKey | undefined, take: number): Promise<Array<{ rule: StoredRoutingRule; key: RulePageKey }>>;
  /** The enabled rules as routing reads them (briefly cached: read for every alert). */
  abstract active(): Promise<RoutingRule[]>;
  abstract get(ruleId: string): Promise<StoredRoutingRule | null>;
  abstract save(rule: RoutingRule): Promise<StoredRoutingRule>;
  abstract remove(ruleId: string): Promise<boolean>;
}

/** Where a rule sits in list order: `fallback` 0 or 1, `createdUs` microseconds since 1970. */
export interface RulePageKey {
  fallback: number;
  createdUs: number;
  ruleId: string;
}

interface Row {
  rule_id: string;
  name: string;
  match: RoutingRule['match'];
  roles: RoutingRule['roles'];
  recipients: RoutingRule['recipients'];
  webhook_ids: string[];
  channels: RoutingRule['channels'];
  fallback: boolean;
  enabled: boolean;
  seeded: boolean;
  created_at: Date;
  updated_at: Date;
}

const toRule = (r: Row): StoredRoutingRule => ({
  ruleId: r.rule_id, name: r.name, match: r.match, roles: r.roles, recipients: r.recipients, webhookIds: r.webhook_ids,
  channels: r.channels, fallback: r.fallback, enabled: r.enabled, seeded: r.seeded,
  createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
});

/** Rules change rarely and are read per alert; every instance sees a change within this. */
const CACHE_MS = 1_000;

@Injectable()
export class PgRoutingRuleStore extends RoutingRuleStore {
  private readonly cache: ShortReadCache<RoutingRule[]>;

  constructor(private readonly scope: TransactionScope) {
    super();
    this.cache = new ShortReadCache(scope, CACHE_MS);
  }

  async list(): Promise<StoredRoutingRule[]> {
    const rows: Row[] = await this.scope.manager().query(`SELECT * FROM notification.routing_rule ORDER BY fallback, created_at, rule_id`);
    return rows.map(toRule);
  }

  async page(after: RulePageKey | undefined, take: number): Promise<Array<{ rule: StoredRoutingRule; key: RulePageKey }>> {
    const rows: Array<Row & { created_us: string }> = await this.scope.manager().query(
      `SELECT *, ${microsOf('created_at')}::text AS created_us FROM notification.routing_rule
       WHERE $1::int IS NULL OR (fallback::int, created_at, rule_id) > ($1::int, ${instantFromMicros('$2')}, $3::text)
       ORDER BY fallback, created_at, rule_id LIMIT $4`,
      [after?.fallback ?? null, after?.createdUs ?? null, after?.ruleId ?? null, take],
    );
    return rows.map((r) => ({ rule: toRule(r), key: { fallback: r.fallback ? 1 : 0, createdUs: Number(r.created_us), ruleId: r.rule_id } }));
  }

  active(): Promise<RoutingRule[]> {
    return this.cache.get(async () => (await this.list()).filter((r) => r.enabled));
  }

  async get(ruleId: string): Promise<StoredRoutingRule | null> {
    const rows: Row[] = await this.scope.manager().query(`SELECT * FROM notification.routing_rule WHERE rule_id = $1`, [ruleId]);
    return rows[0] ? toRule(rows[0]) : null;
  }

  async save(rule: RoutingRule): Promise<StoredRoutingRule> {
    const rows: Row[] = await this.scope.manager().query(
      `INSERT INTO notification.routing_rule (rule_id, name, match, roles, recipients, webhook_ids, channels, fallback, enabled)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (rule_id) DO UPDATE SET name = EXCLUDED.name, match = EXCLUDED.match, roles = EXCLUDED.roles,
         recipients = EXCLUDED.recipients, webhook_ids = EXCLUDED.webhook_ids, channels = EXCLUDED.channels,
         fallback = EXCLUDED.fallback, enabled = EXCLUDED.enabled, updated_at = now()
       RETURNING *`,
      [rule.ruleId, rule.name, JSON.stringify(rule.match), rule.roles, JSON.stringify(rule.recipients), rule.webhookIds, rule.channels, rule.fallback, rule.enabled],
    );
    this.cache.forget();
    return toRule(rows[0]);
  }

  async remove(ruleId: string): Promise<boolean> {
    const rows = await queryRows(this.scope, `DELETE FROM notification.routing_rule WHERE rule_id = $1 RETURNING rule_id`, [ruleId]);
    this.cache.forget();
    return rows.length > 0;
  }
}
