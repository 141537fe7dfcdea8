import { Injectable } from '@nestjs/common';
import { mapPage, pageOf, type Page } from '@app/platform';
import { TransactionScope } from '@app/persistence';
import type { AnswerValue } from '../domain/forms/form';
import type { DisputeOutcome } from '../domain/disputes/dispute-rules';
import { instantOf, microsOf, type PageRequest } from './keyset';
import { PgStore } from './pg-store';

/** An evaluation's disputes are listed by (filing µs, disputeId); a cursor holds the last one's. */
export const DISPUTE_KEY = ['int', 'string'] as const;

export interface Dispute {
  disputeId: string;
  evaluationId: string;
  agentId: string;
  itemId: string;
  reason: string;
  status: 'open' | 'decided';
  filedAt: Date;
  filedPeriod: string;
  outcome: DisputeOutcome | null;
  newValue: AnswerValue | null;
  decisionReason: string | null;
  reviewerId: string | null;
  decidedAt: Date | null;
}

export abstract class DisputeStore {
  abstract insert(d: Dispute): Promise<void>;
  abstract get(id: string, forUpdate?: boolean): Promise<Dispute | null>;
  abstract decide(d: Dispute): Promise<void>;
  abstract countFiled(agentId: string, period: string): Promise<number>;
  /** All of an evaluation's disputes (a few: one open per item), for its rules. */
  abstract forEvaluation(evaluationId: string): Promise<Dispute[]>;
  /** A page of an evaluation's disputes in order of filing, for reading. */
  abstract pageForEvaluation(evaluationId: string, p: PageRequest): Promise<Page<Dispute>>;
}

interface Row {
  dispute_id: string; evaluation_id: string; agent_id: string; item_id: string; reason: string; status: Dispute['status']; filed_at: Date; filed_period: string;
  outcome: DisputeOutcome | null; new_value: AnswerValue | null; decision_reason: string | null; reviewer_id: string | null; decided_at: Date | null;
}
const toDispute = (r: Row): Dispute => ({
  disputeId: r.dispute_id, evaluationId: r.evaluation_id, agentId: r.agent_id, itemId: r.item_id, reason: r.reason, status: r.status, filedAt: r.filed_at,
  filedPeriod: r.filed_period, outcome: r.outcome, newValue: r.new_value, decisionReason: r.decision_reason, reviewerId: r.reviewer_id, decidedAt: r.decided_at,
});

@Injectable()
export class PgDisputeStore extends PgStore implements DisputeStore {
  constructor(scope: TransactionScope) {
    super(scope);
  }

  async insert(d: Dispute): Promise<void> {
    await this.q(`INSERT INTO qa.dispute (dispute_id, evaluation_id, agent_id, item_id, reason, status, filed_at, filed_period) VALUES ($1,$2,$3,$4,$5,'open',$6,$7)`,
      [d.disputeId, d.evaluationId, d.agentId, d.itemId, d.reason, d.filedAt, d.filedPeriod]);
  }

  async get(id: string, forUpdate = false): Promise<Dispute | null> {
    const [r] = await this.q<Row>(`SELECT * FROM qa.dispute WHERE dispute_id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [id]);
    return r ? toDispute(r) : null;
  }

  async decide(d: Dispute): Promise<void> {
    await this.q(`UPDATE qa.dispute SET status = 'decided', outcome = $2, new_value = $3, decision_reason = $4, reviewer_id = $5, decided_at = $6 WHERE dispute_id = $1`,
      [d.disputeId, d.outcome, d.newValue === null ? null : JSON.stringify(d.newValue), d.decisionReason, d.reviewerId, d.decidedAt]);
  }

  async countFiled(agentId: string, period: string): Promise<number> {
    await this.q(`SELECT pg_advisory_xact_lock(hashtext('qa.dispute:' || $1))`, [agentId]);
    const [r] = await this.q<{ n: string }>(`SELECT count(*) AS n FROM qa.dispute WHERE agent_id = $1 AND filed_period = $2`, [agentId, period]);
    return Number(r.n);
  }

  async forEvaluation(evaluationId: string): Promise<Dispute[]> {
    return (await this.q<Row>(`SELECT * FROM qa.dispute WHERE evaluation_id = $1 ORDER BY filed_at, dispute_id`, [evaluationId])).map(toDispute);
  }

  async pageForEvaluation(evaluationId: string, p: PageRequest): Promise<Page<Dispute>> {
    const rows = await this.q<Row & { k_us: string }>(
      `SELECT *, ${microsOf('filed_at')} AS k_us FROM qa.dispute
       WHERE evaluation_id = $1 AND ($2::bigint IS NULL OR (filed_at, dispute_id) > (${instantOf('$2')}, $3::text))
       ORDER BY filed_at, dispute_id LIMIT $4`,
      [evaluationId, p.after?.[0] ?? null, p.after?.[1] ?? null, p.limit + 1],
    );
    return mapPage(pageOf(rows, p.limit, (r) => [Number(r.k_us), r.dispute_id]), toDispute);
  }
}
