import { Injectable } from '@nestjs/common';
import type { Reach } from '@app/auth';
import { mapPage, pageOf, type Page } from '@app/platform';
import { TransactionScope } from '@app/persistence';
import { instantOf, microsOf, reachCondition, type PageRequest } from './keyset';
import { PgStore } from './pg-store';

/** Complaints are listed by (receipt µs, complaintId); a cursor holds the last one's. */
export const COMPLAINT_KEY = ['int', 'string'] as const;

export interface ComplaintFilter {
  agentId?: string;
  from?: Date;
  to?: Date;
  /** Whom the caller may see (TeamScope), and complaints about nobody yet: the page is cut in the database. */
  reach: Reach;
}

export interface Complaint {
  complaintId: string;
  receivedAt: Date;
  channel: string;
  summary: string;
  callId: string | null;
  agentId: string | null;
  registeredBy: string;
  valid: boolean | null;
  category: string | null;
  reason: string | null;
  judgedBy: string | null;
  judgedAt: Date | null;
  version: number;
}

export abstract class ComplaintStore {
  abstract insert(c: Complaint): Promise<void>;
  abstract get(id: string, forUpdate?: boolean): Promise<Complaint | null>;
  abstract judge(c: Complaint): Promise<void>;
  /** A page of complaints in order of receipt. */
  abstract page(f: ComplaintFilter, p: PageRequest): Promise<Page<Complaint>>;
  abstract stats(from: Date, to: Date): Promise<Array<{ category: string; valid: number; invalid: number }>>;
}

interface Row {
  complaint_id: string; received_at: Date; channel: string; summary: string; call_id: string | null; agent_id: string | null; registered_by: string;
  valid: boolean | null; category: string | null; reason: string | null; judged_by: string | null; judged_at: Date | null; version: number;
}
const toComplaint = (r: Row): Complaint => ({
  complaintId: r.complaint_id, receivedAt: r.received_at, channel: r.channel, summary: r.summary, callId: r.call_id, agentId: r.agent_id, registeredBy: r.registered_by,
  valid: r.valid, category: r.category, reason: r.reason, judgedBy: r.judged_by, judgedAt: r.judged_at, version: r.version,
});

@Injectable()
export class PgComplaintStore extends PgStore implements ComplaintStore {
  constructor(scope: TransactionScope) {
    super(scope);
  }

  async insert(c: Complaint): Promise<void> {
    await this.q(`INSERT INTO qa.complaint (complaint_id, received_at, channel, summary, call_id, agent_id, registered_by) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [c.complaintId, c.receivedAt, c.channel, c.summary, c.callId, c.agentId, c.registeredBy]);
  }

  async get(id: string, forUpdate = false): Promise<Complaint | null> {
    const [r] = await this.q<Row>(`SELECT * FROM qa.complaint WHERE complaint_id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [id]);
    return r ? toComplaint(r) : null;
  }

  async judge(c: Complaint): Promise<void> {
    await this.q(`UPDATE qa.complaint SET valid = $2, category = $3, reason = $4, judged_by = $5, judged_at = $6, agent_id = $7, version = $8 WHERE complaint_id = $1`,
      [c.complaintId, c.valid, c.category, c.reason, c.judgedBy, c.judgedAt, c.agentId, c.version]);
  }

  async page(f: ComplaintFilter, p: PageRequest): Promise<Page<Complaint>> {
    const reach = reachCondition(f.reach, 'agent_id', 7, { keepUnattributed: true });
    const rows = await this.q<Row & { k_us: string }>(
      `SELECT *, ${microsOf('received_at')} AS k_us FROM qa.complaint
       WHERE ($1::text IS NULL OR agent_id = $1) AND ($2::timestamptz IS NULL OR received_at >= $2) AND ($3::timestamptz IS NULL OR received_at < $3)
         AND ($4::bigint IS NULL OR (received_at, complaint_id) > (${instantOf('$4')}, $5::text)) AND ${reach.sql}
       ORDER BY received_at, complaint_id LIMIT $6`,
      [f.agentId ?? null, f.from ?? null, f.to ?? null, p.after?.[0] ?? null, p.after?.[1] ?? null, p.limit + 1, ...reach.params],
    );
    return mapPage(pageOf(rows, p.limit, (r) => [Number(r.k_us), r.complaint_id]), toComplaint);
  }

  async stats(from: Date, to: Date) {
    const rows = await this.q<{ category: string; valid: string; invalid: string }>(
      `SELECT category, count(*) FILTER (WHERE valid) AS valid, count(*) FILTER (WHERE NOT valid) AS invalid
       FROM qa.complaint WHERE valid IS NOT NULL AND received_at >= $1 AND received_at < $2 GROUP BY category ORDER BY category`,
      [from, to],
    );
    return rows.map((r) => ({ category: r.category, valid: Number(r.valid), invalid: Number(r.invalid) }));
  }
}
