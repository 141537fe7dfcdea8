import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import type { SwapRequest } from '../domain/swaps/swap-rules';
import { withinReach, type ReachFilter } from './reach';

export type SwapStatus = 'requested' | 'consented' | 'approved' | 'rejected';
/** The statuses in which a swap still counts toward the limits. */
export const LIVE_SWAP_STATUSES: SwapStatus[] = ['requested', 'consented', 'approved'];

export interface SwapRecord extends SwapRequest {
  swapId: string;
  status: SwapStatus;
  requestedBy: string;
  decidedBy: string | null;
  /** The pay-back shift is tracked until worked: null until its day closes. */
  paybackWorked: boolean | null;
}

export abstract class SwapStore {
  abstract create(s: SwapRecord): Promise<void>;
  abstract get(swapId: string, forUpdate?: boolean): Promise<SwapRecord | null>;
  abstract setStatus(swapId: string, status: SwapStatus, by: string): Promise<void>;
  abstract liveOf(agentIds: string[]): Promise<SwapRecord[]>;
  abstract byIds(swapIds: string[]): Promise<SwapRecord[]>;
  /** Up to `take` swaps (of one agent, on either side) after `after` by (date, swapId), with someone within `reach` on either side. */
  abstract page(q: SwapPageQuery): Promise<SwapRecord[]>;
  abstract setPaybackWorked(swapIds: Map<string, boolean>): Promise<void>;
}

export interface SwapPageQuery {
  agentId?: string;
  reach: ReachFilter;
  after?: { date: string; swapId: string };
  take: number;
}

interface Row {
  swap_id: string;
  requester_id: string;
  counterpart_id: string;
  date: string;
  payback_date: string;
  status: SwapStatus;
  requested_by: string;
  decided_by: string | null;
  payback_worked: boolean | null;
}

const COLUMNS = `swap_id, requester_id, counterpart_id, date::text AS date, payback_date::text AS payback_date, status, requested_by, decided_by, payback_worked`;
const toSwap = (r: Row): SwapRecord => ({
  swapId: r.swap_id, requesterId: r.requester_id, counterpartId: r.counterpart_id, date: r.date, paybackDate: r.payback_date,
  status: r.status, requestedBy: r.requested_by, decidedBy: r.decided_by, paybackWorked: r.payback_worked,
});

@Injectable()
export class PgSwapStore extends SwapStore {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async create(s: SwapRecord): Promise<void> {
    await this.scope.manager().query(
      `INSERT INTO attendance.shift_swap (swap_id, requester_id, counterpart_id, date, payback_date, status, requested_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [s.swapId, s.requesterId, s.counterpartId, s.date, s.paybackDate, s.status, s.requestedBy],
    );
  }

  async get(swapId: string, forUpdate = false): Promise<SwapRecord | null> {
    const rows: Row[] = await this.scope.manager().query(`SELECT ${COLUMNS} FROM attendance.shift_swap WHERE swap_id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [swapId]);
    return rows[0] ? toSwap(rows[0]) : null;
  }

  async setStatus(swapId: string, status: SwapStatus, by: string): Promise<void> {
    const consent = status === 'consented';
    await this.scope.manager().query(
      `UPDATE attendance.shift_swap SET status = $2,
         consented_at = CASE WHEN $4 THEN now() ELSE consented_at END,
         decided_by = CASE WHEN $4 THEN decided_by ELSE $3 END, decided_at = CASE WHEN $4 THEN decided_at ELSE now() END
       WHERE swap_id = $1`,
      [swapId, status, by, consent],
    );
  }

  async liveOf(agentIds: string[]): Promise<SwapRecord[]> {
    const rows: Row[] = await this.scope.manager().query(
      `SELECT ${COLUMNS} FROM attendance.shift_swap
       WHERE (requester_id = ANY($1::text[]) OR counterpart_id = ANY($1::text[])) AND status = ANY($2::text[])`,
      [agentIds, LIVE_SWAP_STATUSES],
    );
    return rows.map(toSwap);
  }

  async byIds(swapIds: string[]): Promise<SwapRecord[]> {
    const rows: Row[] = await this.scope.manager().query(`SELECT ${COLUMNS} FROM attendance.shift_swap WHERE swap_id = ANY($1::text[])`, [swapIds]);
    return rows.map(toSwap);
  }

  async page(q: SwapPageQuery): Promise<SwapRecord[]> {
    const rows: Row[] = await this.scope.manager().query(
      `SELECT s.swap_id, s.requester_id, s.counterpart_id, s.date::text AS date, s.payback_date::text AS payback_date, s.status, s.requested_by,
              s.decided_by, s.payback_worked
       FROM attendance.shift_swap s
       LEFT JOIN attendance.agent ra ON ra.agent_id = s.requester_id
       LEFT JOIN attendance.agent ca ON ca.agent_id = s.counterpart_id
       WHERE ($1::text IS NULL OR s.requester_id = $1 OR s.counterpart_id = $1) AND ($2::date IS NULL OR (s.date, s.swap_id) > ($2::date, $3::text))
         AND (${withinReach('s.requester_id', 'ra.team', 4, 5)} OR ${withinReach('s.counterpart_id', 'ca.team', 4, 5)})
       ORDER BY s.date, s.swap_id LIMIT $6`,
      [q.agentId ?? null, q.after?.date ?? null, q.after?.swapId ?? null, q.reach.teams, q.reach.self, q.take],
    );
    return rows.map(toSwap);
  }

  async setPaybackWorked(swapIds: Map<string, boolean>): Promise<void> {
    if (swapIds.size === 0) return;
    await this.scope.manager().query(
      `UPDATE attendance.shift_swap s SET payback_worked = w.worked FROM unnest($1::text[], $2::boolean[]) AS w(id, worked) WHERE s.swap_id = w.id`,
      [[...swapIds.keys()], [...swapIds.values()]],
    );
  }
}
