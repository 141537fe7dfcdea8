import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import type { NewDelivery } from './delivery.store';
import type { NewInboxItem } from './inbox.store';
import { queryRows } from './sql-rows';

/** Everything one routed alert leads to. */
export interface DispatchPlan {
  alertId: string;
  ruleIds: string[];
  inboxItems: NewInboxItem[];
  deliveries: NewDelivery[];
}

/**
 * Writes a routed alert's inbox items, delivery rows (with a log entry for those final at once:
 * inbox writes, skips) and the rules that matched, in one statement: an alert costs the consumer's
 * transaction one round trip here, whatever it fans out to. Rows that exist already are left alone.
 */
export abstract class DispatchWriter {
  /** Returns how many new deliveries wait for the worker. */
  abstract write(plan: DispatchPlan): Promise<number>;
}

@Injectable()
export class PgDispatchWriter extends DispatchWriter {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async write(plan: DispatchPlan): Promise<number> {
    const [counts] = await queryRows<{ pending: number }>(
      this.scope,
      `WITH inbox AS (
         INSERT INTO notification.inbox_item (item_id, alert_id, audience_kind, audience_id, kind, severity, agent_id, team, title, body, facts, occurred_at)
         SELECT gen_random_uuid()::text, r.alert_id, r.audience_kind, r.audience_id, r.kind, r.severity, r.agent_id, r.team, r.title, r.body, r.facts, r.occurred_at
         FROM jsonb_to_recordset($1::jsonb) AS r(alert_id text, audience_kind text, audience_id text, kind text, severity text, agent_id text,
           team text, title text, body text, facts jsonb, occurred_at timestamptz)
         ON CONFLICT (alert_id, audience_kind, audience_id) DO NOTHING
       ), ins AS (
         INSERT INTO notification.delivery (delivery_id, alert_id, channel, target, recipient, message, status, attempts, delivered_at, last_error)
         SELECT gen_random_uuid()::text, r.alert_id, r.channel, r.target, r.recipient, r.message, r.status,
                CASE WHEN r.status = 'pending' THEN 0 ELSE 1 END, CASE WHEN r.status = 'delivered' THEN now() END, r.note
         FROM jsonb_to_recordset($2::jsonb) AS r(alert_id text, channel text, target text, recipient jsonb, message jsonb, status text, note text)
         ON CONFLICT (alert_id, channel, target) DO NOTHING
         RETURNING delivery_id, alert_id, channel, target, status, last_error
       ), logged AS (
         INSERT INTO notification.delivery_attempt (delivery_id, alert_id, channel, target, attempt, outcome, latency_ms, error)
         SELECT delivery_id, alert_id, channel, target, 1, status, 0, last_error FROM ins WHERE status <> 'pending'
       ), routed AS (
         UPDATE notification.alert_received SET rule_ids = $3 WHERE alert_id = $4
       )
       SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending FROM ins`,
      [
        JSON.stringify(plan.inboxItems.map((i) => ({
          alert_id: i.alertId, audience_kind: i.audienceKind, audience_id: i.audienceId, kind: i.kind, severity: i.severity,
          agent_id: i.agentId ?? null, team: i.team ?? null, title: i.title, body: i.body, facts: i.facts, occurred_at: i.occurredAt,
        }))),
        JSON.stringify(plan.deliveries.map((r) => ({ alert_id: r.alertId, channel: r.channel, target: r.target, recipient: r.recipient, message: r.message, status: r.status, note: r.note ?? null }))),
        plan.ruleIds,
        plan.alertId,
      ],
    );
    return counts.pending;
  }
}
