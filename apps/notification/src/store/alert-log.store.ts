import { Injectable } from '@nestjs/common';
import type { AlertEvent } from '@app/contracts';
import { TransactionScope } from '@app/persistence';
import { queryRows } from './sql-rows';

export type AlertDisposition = 'routed' | 'grouped' | 'digest';

export interface FloodWindow {
  groupId: string;
  groupKey: string;
  openedAt: Date;
  endsAt: Date;
}

/** Every alert received, once: the row's primary key is what makes the same alertId a no-op. */
export abstract class AlertLog {
  /**
   * Records the alert (as routed) and, when it is new and `window` is given, opens that flood window
   * in the same statement. `claimed` is false when the alertId was received before; `windowOpened`
   * false when the key already has an open window.
   */
  abstract claim(alert: AlertEvent, disposition?: AlertDisposition, window?: FloodWindow | null): Promise<{ claimed: boolean; windowOpened: boolean }>;
  abstract setGrouped(alertId: string, floodGroupId: string): Promise<void>;
  abstract seenKinds(): Promise<string[]>;
  abstract get(alertId: string): Promise<{ alert: AlertEvent; disposition: AlertDisposition; floodGroupId: string | null; ruleIds: string[] } | null>;
}

@Injectable()
export class PgAlertLog extends AlertLog {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async claim(a: AlertEvent, disposition: AlertDisposition = 'routed', window: FloodWindow | null = null): Promise<{ claimed: boolean; windowOpened: boolean }> {
    const [r] = await queryRows<{ claimed: number; opened: number }>(
      this.scope,
      `WITH claimed AS (
         INSERT INTO notification.alert_received (alert_id, kind, severity, agent_id, team, occurred_at, alert, disposition)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (alert_id) DO NOTHING RETURNING alert_id
       ), opened AS (
         INSERT INTO notification.flood_group (group_id, group_key, opened_at, window_ends_at, status)
         SELECT $9, $10, $11, $12, 'open' FROM claimed WHERE $10::text IS NOT NULL
         ON CONFLICT DO NOTHING RETURNING group_id
       )
       SELECT (SELECT count(*) FROM claimed)::int AS claimed, (SELECT count(*) FROM opened)::int AS opened`,
      [a.alertId, a.kind, a.severity, a.agentId ?? null, a.team ?? null, a.occurredAt, JSON.stringify(a), disposition,
        window?.groupId ?? null, window?.groupKey ?? null, window?.openedAt ?? null, window?.endsAt ?? null],
    );
    return { claimed: r.claimed > 0, windowOpened: r.opened > 0 };
  }

  async setGrouped(alertId: string, floodGroupId: string): Promise<void> {
    await this.scope.manager().query(`UPDATE notification.alert_received SET disposition = 'grouped', flood_group_id = $2 WHERE alert_id = $1`, [alertId, floodGroupId]);
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
