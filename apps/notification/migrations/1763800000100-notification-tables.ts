import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agents' copy (from attendance), alerts received (the dedupe by alertId), routing rules,
 * webhook endpoints with their circuit state, one delivery row per (alert, target) with every
 * attempt logged, the in-app inbox, flood groups and the policy overrides.
 */
export class NotificationTables1763800000100 implements MigrationInterface {
  name = 'NotificationTables1763800000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notification.agent_copy (
      agent_id text PRIMARY KEY,
      name text NOT NULL,
      team text NOT NULL,
      role text NOT NULL,
      supervisor_id text,
      email text,
      language text NOT NULL DEFAULT 'zh-CN',
      active boolean NOT NULL,
      version integer NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX agent_copy_team ON notification.agent_copy (team)`);
    await q.query(`CREATE INDEX agent_copy_supervisor ON notification.agent_copy (supervisor_id)`);
    await q.query(`CREATE TABLE notification.alert_received (
      alert_id text PRIMARY KEY,
      kind text NOT NULL,
      severity text NOT NULL,
      agent_id text,
      team text,
      occurred_at timestamptz NOT NULL,
      alert jsonb NOT NULL,
      disposition text NOT NULL,
      flood_group_id text,
      rule_ids text[] NOT NULL DEFAULT '{}',
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX alert_received_kind ON notification.alert_received (kind)`);
    await q.query(`CREATE TABLE notification.routing_rule (
      rule_id text PRIMARY KEY,
      name text NOT NULL,
      match jsonb NOT NULL,
      roles text[] NOT NULL,
      recipients jsonb NOT NULL,
      webhook_ids text[] NOT NULL,
      channels text[] NOT NULL,
      fallback boolean NOT NULL DEFAULT false,
      enabled boolean NOT NULL DEFAULT true,
      seeded boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE notification.webhook (
      webhook_id text PRIMARY KEY,
      url text NOT NULL,
      secret text NOT NULL,
      kinds text[] NOT NULL,
      enabled boolean NOT NULL DEFAULT true,
      consecutive_failures integer NOT NULL DEFAULT 0,
      circuit_open_until timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE notification.delivery (
      delivery_id text PRIMARY KEY,
      alert_id text NOT NULL,
      channel text NOT NULL,
      target text NOT NULL,
      recipient jsonb NOT NULL,
      message jsonb NOT NULL,
      status text NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      lease_until timestamptz,
      last_error text,
      last_status_code integer,
      delivered_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (alert_id, channel, target)
    )`);
    await q.query(`CREATE INDEX delivery_due ON notification.delivery (next_attempt_at) WHERE status IN ('pending', 'sending')`);
    await q.query(`CREATE INDEX delivery_target ON notification.delivery (channel, target, status)`);
    await q.query(`CREATE TABLE notification.delivery_attempt (
      attempt_id bigserial PRIMARY KEY,
      delivery_id text NOT NULL REFERENCES notification.delivery (delivery_id),
      alert_id text NOT NULL,
      channel text NOT NULL,
      target text NOT NULL,
      attempt integer NOT NULL,
      outcome text NOT NULL,
      status_code integer,
      latency_ms integer,
      error text,
      attempted_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX delivery_attempt_delivery ON notification.delivery_attempt (delivery_id)`);
    await q.query(`CREATE INDEX delivery_attempt_alert ON notification.delivery_attempt (alert_id)`);
    await q.query(`CREATE TABLE notification.inbox_item (
      item_id text PRIMARY KEY,
      alert_id text NOT NULL,
      audience_kind text NOT NULL,
      audience_id text NOT NULL,
      kind text NOT NULL,
      severity text NOT NULL,
      agent_id text,
      team text,
      title text NOT NULL,
      body text NOT NULL,
      facts jsonb NOT NULL,
      occurred_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz,
      acknowledged_at timestamptz,
      UNIQUE (alert_id, audience_kind, audience_id)
    )`);
    await q.query(`CREATE INDEX inbox_item_audience ON notification.inbox_item (audience_kind, audience_id, created_at DESC)`);
    await q.query(`CREATE TABLE notification.flood_group (
      group_id text PRIMARY KEY,
      group_key text NOT NULL,
      opened_at timestamptz NOT NULL,
      window_ends_at timestamptz NOT NULL,
      held jsonb NOT NULL DEFAULT '[]',
      status text NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX flood_group_open ON notification.flood_group (group_key) WHERE status = 'open'`);
    await q.query(`CREATE INDEX flood_group_due ON notification.flood_group (window_ends_at) WHERE status = 'open'`);
    await q.query(`CREATE TABLE notification.policy_override (
      id integer PRIMARY KEY CHECK (id = 1),
      version integer NOT NULL,
      overrides jsonb NOT NULL,
      updated_by text,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['policy_override', 'flood_group', 'inbox_item', 'delivery_attempt', 'delivery', 'webhook', 'routing_rule', 'alert_received', 'agent_copy']) {
      await q.query(`DROP TABLE IF EXISTS notification.${t}`);
    }
  }
}
