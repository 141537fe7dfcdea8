import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { toCents } from '../domain/numbers';
import type { ScoreFigures } from '../domain/scoring/score-figures';
import type { Scorecard } from '../domain/scoring/scorecard';

export interface StoredScorecard {
  revision: number;
  figures: ScoreFigures;
  card: Scorecard;
  createdAt: string;
}

export interface NewRevision {
  revision: number;
  figures: ScoreFigures;
  card: Scorecard;
}

/** Every revision of every closed month's scorecards; the highest revision is the current one. */
export abstract class ScorecardStore {
  abstract insert(revisions: NewRevision[]): Promise<void>;
  abstract latest(period: string, agentId?: string): Promise<Map<string, StoredScorecard>>;
  abstract revisions(period: string, agentId: string): Promise<StoredScorecard[]>;
  /** The latest revision's figures only (without the card, which is ten times larger). */
  abstract latestFigures(period: string): Promise<Map<string, ScoreFigures>>;
}

type Row = { agent_id: string; revision: number; figures: ScoreFigures; card: Scorecard; created_at: Date };
const SLICE = 200;
const toStored = (r: Row): StoredScorecard => ({ revision: r.revision, figures: r.figures, card: r.card, createdAt: r.created_at.toISOString() });

@Injectable()
export class PgScorecardStore extends ScorecardStore {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async insert(revisions: NewRevision[]): Promise<void> {
    if (revisions.length === 0) return;
    const rows = revisions.map(({ revision, figures, card }) => ({
      period: card.period, agentId: card.agentId, revision, policyVersion: card.policyVersion,
      totalH: card.total === null ? null : toCents(card.total), grade: card.grade, rank: card.rank, levelBefore: card.level.levelBefore,
      levelAfter: card.level.levelAfter, points: card.deductions.monthPoints, appraised: card.appraised, figures, card,
    }));
    // In slices: one JSON document per 200 scorecards keeps a 2,000-agent month within a small heap.
    for (let i = 0; i < rows.length; i += SLICE) await this.insertSlice(rows.slice(i, i + SLICE));
  }

  private async insertSlice(rows: unknown[]): Promise<void> {
    await this.scope.manager().query(
      `INSERT INTO scoring.scorecard (period, agent_id, revision, policy_version, total_h, grade, rank, level_before, level_after, deduction_points, appraised, figures, card)
       SELECT r->>'period', r->>'agentId', (r->>'revision')::int, r->>'policyVersion', (r->>'totalH')::int, r->>'grade', (r->>'rank')::int,
              r->>'levelBefore', r->>'levelAfter', (r->>'points')::numeric, (r->>'appraised')::boolean, r->'figures', r->'card'
       FROM jsonb_array_elements($1::jsonb) AS r`,
      [JSON.stringify(rows)],
    );
  }

  async latest(period: string, agentId?: string): Promise<Map<string, StoredScorecard>> {
    const rows: Row[] = await this.scope.manager().query(
      `SELECT DISTINCT ON (agent_id) agent_id, revision, figures, card, created_at FROM scoring.scorecard
       WHERE period = $1 AND ($2::text IS NULL OR agent_id = $2) ORDER BY agent_id, revision DESC`,
      [period, agentId ?? null],
    );
    return new Map(rows.map((r) => [r.agent_id, toStored(r)]));
  }

  async revisions(period: string, agentId: string): Promise<StoredScorecard[]> {
    const rows: Row[] = await this.scope.manager().query(
      `SELECT agent_id, revision, figures, card, created_at FROM scoring.scorecard WHERE period = $1 AND agent_id = $2 ORDER BY revision`,
      [period, agentId],
    );
    return rows.map(toStored);
  }

  async latestFigures(period: string): Promise<Map<string, ScoreFigures>> {
    const rows: Array<{ agent_id: string; figures: ScoreFigures }> = await this.scope.manager().query(
      `SELECT DISTINCT ON (agent_id) agent_id, figures FROM scoring.scorecard WHERE period = $1 ORDER BY agent_id, revision DESC`,
      [period],
    );
    return new Map(rows.map((r) => [r.agent_id, r.figures]));
  }
}
