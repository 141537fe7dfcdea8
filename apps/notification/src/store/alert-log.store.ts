import { Injectable } from '@nestjs/common';
import type { AlertEvent } from '@app/contracts';
import { TransactionScope } from '@app/persistence';
import { queryRows } from './sql-rows';

export type AlertDisposition = 'routed' | 'grouped' | 'digest';

/** Every alert received, once: the row's primary key is what makes the same alertId a no-op. */
export abstract class AlertLog {
  /** Records the alert (as routed); false when its alertId was received before. */
  abstract claim(alert: AlertEvent, disposition?: AlertDisposition): Promise<boolean>;
  abstract setGrouped(alertId: string, floodGroupId: string): Promise<void>;
  abstract setRoute(alertId: string, ruleIds: string[]): Promise<void>;
  abstract seenKinds(): Promise<string[]>;
  abstract get(alertId: string): Promise<{ alert: AlertEvent; disposition: AlertDisposition; floodGroupId: string | null; ruleIds: string[] } | null>;
}

@Injectable()
export class PgAlertLog extends AlertLog {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async claim(a: AlertEvent, disposition: AlertDisposition = 'routed'): Promise<boolean> {
    const rows = await queryRows(
      this.scope,
      `INSERT INTO notification.alert_received (alert_id, kind, severity, agent_id, team, occurred_at, alert, disposition)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (alert_id) DO NOTHING RETURNING alert_id`,
      [a.alertId, a.kind, a.severity, a.agentId ?? null, a.team ?? null, a.occurredAt, JSON.stringify(a), disposition],
    );
    return rows.length > 0;
  }

  async setGrouped(alertId: string, floodGroupId: string): Promise<void> {
    await this.scope.manager().query(`UPDATE notification.alert_received SET disposition = 'grouped', flood_group_id = $2 WHERE alert_id = $1`, [alertId, floodGroupId]);
  }

  async setRoute(alertId: string, ruleIds: string[]): Promise<void> {
    await this.scope.manager().query(`UPDATE notification.alert_received SET rule_ids = $2 WHERE alert_id = $1`, [alertId, ruleIds]);
  }

  async seenKinds(): Promise<string[]> {
    return (await queryRows<{ kind: string }>(this.scope, `SELECT DISTINCT kind FROM notification.alert_received`)).map((r) => r.kind);
  }

  async get(alertId: string) {
    const rows = await queryRows<{ alert: AlertEvent; disposition: AlertDisposition; flood_group_id: string | null; rule_ids: string[] }>(
      this.scope,
      `SELECT alert, disposition, flood_group_id, rule_ids FROM notification.alert_received WHERE alert_id = $1`,
      [alertId],
    );
    return rows[0] ? { alert: rows[0].alert, disposition: rows[0].disposition, floodGroupId: rows[0].flood_group_id, ruleIds: rows[0].rule_ids } : null;
  }
}
