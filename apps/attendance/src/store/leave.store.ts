import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import type { LeaveStatus } from '../domain/leave/leave-overlap';
import { withinReach, type ReachFilter } from './reach';

export type { LeaveStatus };

export interface LeaveRecord {
  leaveId: string;
  agentId: string;
  type: string;
  from: string;
  to: string;
  halfDay: 'am' | 'pm' | null;
  status: LeaveStatus;
  requestedBy: string;
  decidedBy: string | null;
  reason: string | null;
}

export abstract class LeaveStore {
  abstract create(leave: LeaveRecord): Promise<void>;
  abstract get(leaveId: string, forUpdate?: boolean): Promise<LeaveRecord | null>;
  abstract decide(leaveId: string, status: LeaveStatus, decidedBy: string, reason: string | null): Promise<void>;
  /** Leave of these agents overlapping [from, to] in any of `statuses`. */
  abstract overlapping(agentIds: string[], from: string, to: string, statuses: LeaveStatus[]): Promise<LeaveRecord[]>;
  /** Up to `take` leave records overlapping [from, to], in every status, after `after` by (agentId, from, leaveId). */
  abstract page(q: LeavePageQuery): Promise<LeaveRecord[]>;
}

export interface LeavePageQuery {
  from: string;
  to: string;
  agentId?: string;
  reach: ReachFilter;
  after?: { agentId: string; from: string; leaveId: string };
  take: number;
}

interface Row {
  leave_id: string;
  agent_id: string;
  type: string;
  from_date: string;
  to_date: string;
  half_day: 'am' | 'pm' | null;
  status: LeaveStatus;
  requested_by: string;
  decided_by: string | null;
  reason: string | null;
}

const COLUMNS = `leave_id, agent_id, type, from_date::text AS from_date, to_date::text AS to_date, half_day, status, requested_by, decided_by, reason`;
const toLeave = (r: Row): LeaveRecord => ({
  leaveId: r.leave_id, agentId: r.agent_id, type: r.type, from: r.from_date, to: r.to_date, halfDay: r.half_day, status: r.status,
  requestedBy: r.requested_by, decidedBy: r.decided_by, reason: r.reason,
});

@Injectable()
export class PgLeaveStore extends LeaveStore {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async create(l: LeaveRecord): Promise<void> {
    await this.scope.manager().query(
      `INSERT INTO attendance.leave (leave_id, agent_id, type, from_date, to_date, half_day, status, requested_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [l.leaveId, l.agentId, l.type, l.from, l.to, l.halfDay, l.status, l.requestedBy],
    );
  }

  async get(leaveId: string, forUpdate = false): Promise<LeaveRecord | null> {
    const rows: Row[] = await this.scope.manager().query(`SELECT ${COLUMNS} FROM attendance.leave WHERE leave_id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [leaveId]);
    return rows[0] ? toLeave(rows[0]) : null;
  }

  async decide(leaveId: string, status: LeaveStatus, decidedBy: string, reason: string | null): Promise<void> {
    await this.scope.manager().query(
      `UPDATE attendance.leave SET status = $2, decided_by = $3, reason = $4, decided_at = now() WHERE leave_id = $1`,
      [leaveId, status, decidedBy, reason],
    );
  }

  async overlapping(agentIds: string[], from: string, to: string, statuses: LeaveStatus[]): Promise<LeaveRecord[]> {
    const rows: Row[] = await this.scope.manager().query(
      `SELECT ${COLUMNS} FROM attendance.leave
       WHERE agent_id = ANY($1::text[]) AND from_date <= $3 AND to_date >= $2 AND status = ANY($4::text[]) ORDER BY from_date`,
      [agentIds, from, to, statuses],
    );
    return rows.map(toLeave);
  }

  async page(q: LeavePageQuery): Promise<LeaveRecord[]> {
    const rows: Row[] = await this.scope.manager().query(
      `SELECT l.leave_id, l.agent_id, l.type, l.from_date::text AS from_date, l.to_date::text AS to_date, l.half_day, l.status, l.requested_by,
              l.decided_by, l.reason
       FROM attendance.leave l
       LEFT JOIN attendance.agent a ON a.agent_id = l.agent_id
       WHERE l.from_date <= $2 AND l.to_date >= $1 AND ($3::text IS NULL OR l.agent_id = $3)
         AND ($4::text IS NULL OR (l.agent_id, l.from_date, l.leave_id) > ($4::text, $5::date, $6::text)) AND ${withinReach('l.agent_id', 'a.team', 7, 8)}
       ORDER BY l.agent_id, l.from_date, l.leave_id LIMIT $9`,
      [q.from, q.to, q.agentId ?? null, q.after?.agentId ?? null, q.after?.from ?? null, q.after?.leaveId ?? null, q.reach.teams, q.reach.self, q.take],
    );
    return rows.map(toLeave);
  }
}
