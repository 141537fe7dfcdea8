import { Injectable } from '@nestjs/common';
import { instantFromMicros, microsOf, TransactionScope } from '@app/persistence';
import { queryRows } from './sql-rows';

/**
 * Whom an inbox item is for: one person (`user`, by agent id or login subject), everyone holding
 * a role (`role`), or the supervisors of a team (`team`).
 */
export type AudienceKind = 'user' | 'role' | 'team';

export interface NewInboxItem {
  alertId: string;
  audienceKind: AudienceKind;
  audienceId: string;
  kind: string;
  severity: string;
  agentId?: string;
  team?: string;
  title: string;
  body: string;
  facts: Record<string, unknown>;
  occurredAt: string;
}

export interface InboxItem extends NewInboxItem {
  itemId: string;
  createdAt: string;
  readAt: string | null;
  acknowledgedAt: string | null;
}

/** What a caller may see: their own ids, their roles, and (supervisors) the teams and people they supervise. */
export interface InboxViewer {
  personIds: string[];
  roles: string[];
  teams: string[];
  supervisedIds: string[];
  /** Admins see every role-addressed item (the technical centre's included). */
  allRoleItems: boolean;
}

export abstract class InboxStore {
  /**
   * Up to `take` items the viewer sees (one per alert), newest first (by created, then itemId, both descending),
   * after `after`; `createdUs` is the sort key's first part.
   */
  abstract visible(viewer: InboxViewer, opts: InboxPageQuery): Promise<Array<{ item: InboxItem; createdUs: number }>>;
  /** How many of the items the viewer sees are unread (counted as `visible` lists them). */
  abstract unreadCount(viewer: InboxViewer): Promise<number>;
  abstract getVisible(itemId: string, viewer: InboxViewer): Promise<InboxItem | null>;
  abstract markRead(itemId: string): Promise<string>;
  /** Sets acknowledged (and read) once; returns the acknowledgement instant, the first one on a repeat. */
  abstract acknowledge(itemId: string, at: Date): Promise<string>;
}

export interface InboxPageQuery {
  unreadOnly: boolean;
  after?: { createdUs: number; itemId: string };
  take: number;
}

interface Row {
  item_id: string;
  alert_id: string;
  audience_kind: AudienceKind;
  audience_id: string;
  kind: string;
  severity: string;
  agent_id: string | null;
  team: string | null;
  title: string;
  body: string;
  facts: Record<string, unknown>;
  occurred_at: Date;
  created_at: Date;
  read_at: Date | null;
  acknowledged_at: Date | null;
}

const toItem = (r: Row): InboxItem => ({
  itemId: r.item_id, alertId: r.alert_id, audienceKind: r.audience_kind, audienceId: r.audience_id, kind: r.kind, severity: r.severity,
  ...(r.agent_id ? { agentId: r.agent_id } : {}), ...(r.team ? { team: r.team } : {}),
  title: r.title, body: r.body, facts: r.facts, occurredAt: r.occurred_at.toISOString(), createdAt: r.created_at.toISOString(),
  readAt: r.read_at?.toISOString() ?? null, acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
});

/** One predicate for listing, counting and fetching, so what is counted is what is shown. */
const VISIBLE = `(
  (i.audience_kind = 'user' AND i.audience_id = ANY($1::text[]))
  OR (i.audience_kind = 'role' AND ($5::boolean OR i.audience_id = ANY($2::text[])))
  OR (i.audience_kind = 'team' AND i.audience_id = ANY($3::text[]))
  OR (i.audience_kind = 'user' AND i.audience_id = ANY($4::text[]))
)`;
const viewerParams = (v: InboxViewer) => [v.personIds, v.roles, v.teams, v.supervisedIds, v.allRoleItems];

/**
 * One item per alert: a supervisor reached both personally and through an agent sees their own copy.
 * The item id breaks the remaining ties, so every page picks the same copy and a page never repeats or skips an alert.
 */
const MINE = `SELECT DISTINCT ON (i.alert_id) i.* FROM notification.inbox_item i WHERE ${VISIBLE}
              ORDER BY i.alert_id, (i.audience_kind = 'user' AND i.audience_id = ANY($1::text[])) DESC, (i.audience_kind <> 'user') DESC, i.item_id`;

@Injectable()
export class PgInboxStore extends InboxStore {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async visible(viewer: InboxViewer, opts: InboxPageQuery): Promise<Array<{ item: InboxItem; createdUs: number }>> {
    const rows = await queryRows<Row & { created_us: string }>(
      this.scope,
      `SELECT i.*, ${microsOf('i.created_at')}::text AS created_us FROM (${MINE}) i
       WHERE (NOT $6 OR i.read_at IS NULL) AND ($7::bigint IS NULL OR (i.created_at, i.item_id) < (${instantFromMicros('$7')}, $8::text))
       ORDER BY i.created_at DESC, i.item_id DESC LIMIT $9`,
      [...viewerParams(viewer), opts.unreadOnly, opts.after?.createdUs ?? null, opts.after?.itemId ?? null, opts.take],
    );
    return rows.map((r) => ({ item: toItem(r), createdUs: Number(r.created_us) }));
  }

  async unreadCount(viewer: InboxViewer): Promise<number> {
    const count = await queryRows<{ n: number }>(this.scope, `SELECT count(*)::int AS n FROM (${MINE}) i WHERE i.read_at IS NULL`, viewerParams(viewer));
    return count[0].n;
  }

  async getVisible(itemId: string, viewer: InboxViewer): Promise<InboxItem | null> {
    const rows = await queryRows<Row>(this.scope, `SELECT i.* FROM notification.inbox_item i WHERE ${VISIBLE} AND i.item_id = $6`, [...viewerParams(viewer), itemId]);
    return rows[0] ? toItem(rows[0]) : null;
  }

  async markRead(itemId: string): Promise<string> {
    const rows = await queryRows<{ read_at: Date }>(
      this.scope,
      `UPDATE notification.inbox_item SET read_at = COALESCE(read_at, now()) WHERE item_id = $1 RETURNING read_at`,
      [itemId],
    );
    return rows[0].read_at.toISOString();
  }

  async acknowledge(itemId: string, at: Date): Promise<string> {
    const rows = await queryRows<{ acknowledged_at: Date }>(
      this.scope,
      `UPDATE notification.inbox_item SET acknowledged_at = COALESCE(acknowledged_at, $2), read_at = COALESCE(read_at, $2)
       WHERE item_id = $1 RETURNING acknowledged_at`,
      [itemId, at],
    );
    return rows[0].acknowledged_at.toISOString();
  }
}
