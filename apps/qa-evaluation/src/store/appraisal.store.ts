import { Injectable } from '@nestjs/common';
import type { Reach } from '@app/auth';
import { mapPage, pageOf, type Page } from '@app/platform';
import { TransactionScope } from '@app/persistence';
import type { FormScore } from '../domain/forms/score-form';
import { reachCondition, type PageRequest } from './keyset';
import { PgStore } from './pg-store';

/** Appraisals are listed by (period, agentId, kind); a cursor holds the last one's. */
export const APPRAISAL_KEY = ['string', 'string', 'string'] as const;

export interface Appraisal {
  agentId: string;
  period: string;
  /** The supervisor's (counted) or the agent's own (kept, never counted). */
  kind: 'supervisor' | 'self';
  formId: string;
  formVersion: number;
  scores: Record<string, number>;
  result: FormScore;
  comment: string | null;
  appraiserId: string;
  version: number;
  submittedAt: Date;
}

export abstract class AppraisalStore {
  /** Inserts or replaces; returns the version stored (1, then +1 per resubmission). */
  abstract upsert(a: Omit<Appraisal, 'version'>): Promise<number>;
  /** A page of appraisals by month, agent and kind; `reach` (TeamScope) cuts it in the database. */
  abstract page(f: { period?: string; agentId?: string; reach: Reach }, p: PageRequest): Promise<Page<Appraisal>>;
  abstract filedFor(period: string, kind: Appraisal['kind']): Promise<Set<string>>;
}

interface Row {
  agent_id: string; period: string; kind: Appraisal['kind']; form_id: string; form_version: number; scores: Record<string, number>; result: FormScore;
  comment: string | null; appraiser_id: string; version: number; submitted_at: Date;
}

@Injectable()
export class PgAppraisalStore extends PgStore implements AppraisalStore {
  constructor(scope: TransactionScope) {
    super(scope);
  }

  async upsert(a: Omit<Appraisal, 'version'>): Promise<number> {
    const [r] = await this.q<{ version: number }>(
      `INSERT INTO qa.appraisal (agent_id, period, kind, form_id, form_version, scores, result, comment, appraiser_id, version, submitted_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,1,$10)
       ON CONFLICT (agent_id, period, kind) DO UPDATE SET form_id = EXCLUDED.form_id, form_version = EXCLUDED.form_version, scores = EXCLUDED.scores,
         result = EXCLUDED.result, comment = EXCLUDED.comment, appraiser_id = EXCLUDED.appraiser_id, version = qa.appraisal.version + 1, submitted_at = EXCLUDED.submitted_at
       RETURNING version`,
      [a.agentId, a.period, a.kind, a.formId, a.formVersion, JSON.stringify(a.scores), JSON.stringify(a.result), a.comment, a.appraiserId, a.submittedAt],
    );
    return r.version;
  }

  async page(f: { period?: string; agentId?: string; reach: Reach }, p: PageRequest): Promise<Page<Appraisal>> {
    const reach = reachCondition(f.reach, 'agent_id', 7);
    const [period, agentId, kind] = p.after ?? [null, null, null];
    const rows = await this.q<Row>(
      `SELECT * FROM qa.appraisal
       WHERE ($1::text IS NULL OR period = $1) AND ($2::text IS NULL OR agent_id = $2)
         AND ($3::text IS NULL OR (period, agent_id, kind) > ($3::text, $4::text, $5::text)) AND ${reach.sql}
       ORDER BY period, agent_id, kind LIMIT $6`,
      [f.period ?? null, f.agentId ?? null, period, agentId, kind, p.limit + 1, ...reach.params],
    );
    return mapPage(pageOf(rows, p.limit, (r) => [r.period, r.agent_id, r.kind]), (r) => ({
      agentId: r.agent_id, period: r.period, kind: r.kind, formId: r.form_id, formVersion: r.form_version, scores: r.scores, result: r.result,
      comment: r.comment, appraiserId: r.appraiser_id, version: r.version, submittedAt: r.submitted_at,
    }));
  }

  async filedFor(period: string, kind: Appraisal['kind']): Promise<Set<string>> {
    const rows = await this.q<{ agent_id: string }>(`SELECT agent_id FROM qa.appraisal WHERE period = $1 AND kind = $2`, [period, kind]);
    return new Set(rows.map((r) => r.agent_id));
  }
}
