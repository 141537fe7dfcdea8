import { Injectable } from '@nestjs/common';
import type { Reach } from '@app/auth';
import type { ConductKind, ScorecardPart } from '@app/contracts';
import { mapPage, pageOf, type Page } from '@app/platform';
import { TransactionScope } from '@app/persistence';
import { instantOf, microsOf, reachCondition, type PageRequest } from './keyset';
import { PgStore } from './pg-store';

/** Records are listed by (occurrence µs, recordId); a cursor holds the last one's. */
export const CONDUCT_KEY = ['int', 'string'] as const;

export interface ConductFilter {
  agentId?: string;
  from?: Date;
  to?: Date;
  /** Whom the caller may see (TeamScope): the page is cut in the database. */
  reach: Reach;
}

export interface ConductRecord {
  recordId: string;
  agentId: string;
  code: string;
  kind: ConductKind;
  amountFen: number;
  points: number;
  warning: boolean;
  occurredAt: Date;
  callId: string | null;
  note: string;
  evidence: unknown;
  issuerId: string;
  status: 'recorded' | 'voided';
  causedByRecordId: string | null;
  labelZh: string;
  labelEn: string;
  scorecardPart: ScorecardPart | null;
  /** The catalogue category of `code` when recorded (kept like the labels: a later catalogue change does not rewrite it). */
  category: string | null;
  /** The local day (yyyy-mm-dd) the record is about, when it is about a day. */
  date: string | null;
  createdAt: Date;
  acknowledgedAt: Date | null;
  voidedAt: Date | null;
  voidReason: string | null;
}

export interface ConductAppeal {
  recordId: string;
  agentId: string;
  reason: string;
  status: 'pending' | 'upheld' | 'rejected';
  filedAt: Date;
  decidedBy: string | null;
  decisionReason: string | null;
  decidedAt: Date | null;
}

/** Reward/penalty records 奖罚记录 and their appeals. */
export abstract class ConductStore {
  abstract insert(r: ConductRecord): Promise<void>;
  abstract get(recordId: string, forUpdate?: boolean): Promise<ConductRecord | null>;
  abstract priorOffences(agentId: string, code: string): Promise<number>;
  /** The id of a standing (not voided) record of `code` for the agent about the same day or call, if any. */
  abstract sameOccurrence(agentId: string, code: string, ref: { date: string } | { callId: string }): Promise<string | null>;
  abstract acknowledge(recordId: string, at: Date): Promise<void>;
  abstract void(recordId: string, reason: string, at: Date): Promise<void>;
  /** A page of records in order of occurrence. */
  abstract page(f: ConductFilter, p: PageRequest): Promise<Page<ConductRecord>>;
  abstract appeal(recordId: string): Promise<ConductAppeal | null>;
  abstract fileAppeal(a: ConductAppeal): Promise<boolean>;
  abstract decideAppeal(recordId: string, upheld: boolean, by: string, reason: string, at: Date): Promise<void>;
}

interface Row {
  record_id: string; agent_id: string; code: string; kind: ConductKind; amount_fen: string; points: number; warning: boolean; occurred_at: Date;
  call_id: string | null; note: string; evidence: unknown; issuer_id: string; status: 'recorded' | 'voided'; caused_by_record_id: string | null;
  label_zh: string; label_en: string; scorecard_part: ConductRecord['scorecardPart']; category: string | null; date_ymd: string | null; created_at: Date; acknowledged_at: Date | null; voided_at: Date | null; void_reason: string | null;
}
const toRecord = (r: Row): ConductRecord => ({
  recordId: r.record_id, agentId: r.agent_id, code: r.code, kind: r.kind, amountFen: Number(r.amount_fen), points: r.points, warning: r.warning, occurredAt: r.occurred_at,
  callId: r.call_id, note: r.note, evidence: r.evidence, issuerId: r.issuer_id, status: r.status, causedByRecordId: r.caused_by_record_id, labelZh: r.label_zh,
  labelEn: r.label_en, scorecardPart: r.scorecard_part, category: r.category, date: r.date_ymd, createdAt: r.created_at, acknowledgedAt: r.acknowledged_at, voidedAt: r.voided_at, voidReason: r.void_reason,
});

/** `date` read as the text it was written as (a `date` column would otherwise come back as a local-midnight Date). */
const COLUMNS = `*, to_char(date, 'YYYY-MM-DD') AS date_ymd`;

@Injectable()
export class PgConductStore extends PgStore implements ConductStore {
  constructor(scope: TransactionScope) {
    super(scope);
  }

  async insert(r: ConductRecord): Promise<void> {
    await this.q(
      `INSERT INTO qa.conduct_record (record_id, agent_id, code, kind, amount_fen, points, warning, occurred_at, call_id, note, evidence, issuer_id, status,
         caused_by_record_id, label_zh, label_en, scorecard_part, created_at, category, date)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20::date)`,
      [r.recordId, r.agentId, r.code, r.kind, r.amountFen, r.points, r.warning, r.occurredAt, r.callId, r.note, r.evidence === undefined ? null : JSON.stringify(r.evidence),
        r.issuerId, r.status, r.causedByRecordId, r.labelZh, r.labelEn, r.scorecardPart, r.createdAt, r.category, r.date],
    );
  }

  async get(recordId: string, forUpdate = false): Promise<ConductRecord | null> {
    const [r] = await this.q<Row>(`SELECT ${COLUMNS} FROM qa.conduct_record WHERE record_id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [recordId]);
    return r ? toRecord(r) : null;
  }

  async priorOffences(agentId: string, code: string): Promise<number> {
    await this.lockOffences(agentId, code);
    const [r] = await this.q<{ n: string }>(`SELECT count(*) AS n FROM qa.conduct_record WHERE agent_id = $1 AND code = $2 AND status = 'recorded'`, [agentId, code]);
    return Number(r.n);
  }

  /** One agent-and-code at a time: the count of prior offences and the same-occurrence check stay true until commit. */
  private async lockOffences(agentId: string, code: string): Promise<void> {
    await this.q(`SELECT pg_advisory_xact_lock(hashtext('qa.conduct:' || $1 || ':' || $2))`, [agentId, code]);
  }

  async sameOccurrence(agentId: string, code: string, ref: { date: string } | { callId: string }): Promise<string | null> {
    await this.lockOffences(agentId, code);
    const [r] = 'date' in ref
      ? await this.q<{ record_id: string }>(`SELECT record_id FROM qa.conduct_record WHERE agent_id = $1 AND code = $2 AND status = 'recorded' AND date = $3::date ORDER BY created_at LIMIT 1`, [agentId, code, ref.date])
      : await this.q<{ record_id: string }>(`SELECT record_id FROM qa.conduct_record WHERE agent_id = $1 AND code = $2 AND status = 'recorded' AND call_id = $3 ORDER BY created_at LIMIT 1`, [agentId, code, ref.callId]);
    return r?.record_id ?? null;
  }

  async acknowledge(recordId: string, at: Date): Promise<void> {
    await this.q(`UPDATE qa.conduct_record SET acknowledged_at = COALESCE(acknowledged_at, $2) WHERE record_id = $1`, [recordId, at]);
  }

  async void(recordId: string, reason: string, at: Date): Promise<void> {
    await this.q(`UPDATE qa.conduct_record SET status = 'voided', voided_at = $2, void_reason = $3 WHERE record_id = $1`, [recordId, at, reason]);
  }

  async page(f: ConductFilter, p: PageRequest): Promise<Page<ConductRecord>> {
    const reach = reachCondition(f.reach, 'agent_id', 7);
    const rows = await this.q<Row & { k_us: string }>(
      `SELECT ${COLUMNS}, ${microsOf('occurred_at')} AS k_us FROM qa.conduct_record
       WHERE ($1::text IS NULL OR agent_id = $1) AND ($2::timestamptz IS NULL OR occurred_at >= $2) AND ($3::timestamptz IS NULL OR occurred_at < $3)
         AND ($4::bigint IS NULL OR (occurred_at, record_id) > (${instantOf('$4')}, $5::text)) AND ${reach.sql}
       ORDER BY occurred_at, record_id LIMIT $6`,
      [f.agentId ?? null, f.from ?? null, f.to ?? null, p.after?.[0] ?? null, p.after?.[1] ?? null, p.limit + 1, ...reach.params],
    );
    return mapPage(pageOf(rows, p.limit, (r) => [Number(r.k_us), r.record_id]), toRecord);
  }

  async appeal(recordId: string): Promise<ConductAppeal | null> {
    const [r] = await this.q<{ record_id: string; agent_id: string; reason: string; status: ConductAppeal['status']; filed_at: Date; decided_by: string | null; decision_reason: string | null; decided_at: Date | null }>(
      `SELECT * FROM qa.conduct_appeal WHERE record_id = $1`, [recordId],
    );
    return r ? { recordId: r.record_id, agentId: r.agent_id, reason: r.reason, status: r.status, filedAt: r.filed_at, decidedBy: r.decided_by, decisionReason: r.decision_reason, decidedAt: r.decided_at } : null;
  }

  async fileAppeal(a: ConductAppeal): Promise<boolean> {
    const rows = await this.q(`INSERT INTO qa.conduct_appeal (record_id, agent_id, reason, status, filed_at) VALUES ($1,$2,$3,'pending',$4) ON CONFLICT DO NOTHING RETURNING 1`, [a.recordId, a.agentId, a.reason, a.filedAt]);
    return rows.length === 1;
  }

  async decideAppeal(recordId: string, upheld: boolean, by: string, reason: string, at: Date): Promise<void> {
    await this.q(`UPDATE qa.conduct_appeal SET status = $2, decided_by = $3, decision_reason = $4, decided_at = $5 WHERE record_id = $1`, [recordId, upheld ? 'upheld' : 'rejected', by, reason, at]);
  }
}
