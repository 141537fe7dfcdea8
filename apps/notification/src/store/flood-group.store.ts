import { Injectable } from '@nestjs/common';
import type { AlertEvent } from '@app/contracts';
import { TransactionScope } from '@app/persistence';
import { queryRows } from './sql-rows';

export interface FloodGroup {
  groupId: string;
  groupKey: string;
  openedAt: string;
  windowEndsAt: number;
  held: AlertEvent[];
}

/** Open flood windows, one per key; the held alerts leave as one digest when the window ends. */
export abstract class FloodGroupStore {
  /** The open group of a key, locked for this transaction (or null). */
  abstract lockOpen(groupKey: string): Promise<FloodGroup | null>;
  /** Opens a window; false when another instance opened one for the key just now. */
  abstract open(groupId: string, groupKey: string, openedAt: Date, windowEndsAt: Date): Promise<boolean>;
  abstract hold(groupId: string, alert: AlertEvent): Promise<void>;
  /** Groups whose window ended, locked (others skip them). */
  abstract lockDue(limit: number): Promise<FloodGroup[]>;
  abstract close(groupId: string): Promise<void>;
}

interface Row {
  group_id: string;
  group_key: string;
  opened_at: Date;
  window_ends_at: Date;
  held: AlertEvent[];
}

const toGroup = (r: Row): FloodGroup => ({ groupId: r.group_id, groupKey: r.group_key, openedAt: r.opened_at.toISOString(), windowEndsAt: r.window_ends_at.getTime(), held: r.held });

@Injectable()
export class PgFloodGroupStore extends FloodGroupStore {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async lockOpen(groupKey: string): Promise<FloodGroup | null> {
    const rows = await queryRows<Row>(this.scope, `SELECT * FROM notification.flood_group WHERE group_key = $1 AND status = 'open' FOR UPDATE`, [groupKey]);
    return rows[0] ? toGroup(rows[0]) : null;
  }

  async open(groupId: string, groupKey: string, openedAt: Date, windowEndsAt: Date): Promise<boolean> {
    const rows = await queryRows(
      this.scope,
      `INSERT INTO notification.flood_group (group_id, group_key, opened_at, window_ends_at, status) VALUES ($1, $2, $3, $4, 'open')
       ON CONFLICT DO NOTHING RETURNING group_id`,
      [groupId, groupKey, openedAt, windowEndsAt],
    );
    return rows.length > 0;
  }

  async hold(groupId: string, alert: AlertEvent): Promise<void> {
    await this.scope.manager().query(`UPDATE notification.flood_group SET held = held || $2::jsonb WHERE group_id = $1`, [groupId, JSON.stringify([alert])]);
  }

  async lockDue(limit: number): Promise<FloodGroup[]> {
    const rows = await queryRows<Row>(
      this.scope,
      `SELECT * FROM notification.flood_group WHERE status = 'open' AND window_ends_at <= now()
       ORDER BY window_ends_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map(toGroup);
  }

  async close(groupId: string): Promise<void> {
    await this.scope.manager().query(`UPDATE notification.flood_group SET status = 'closed' WHERE group_id = $1`, [groupId]);
  }
}
