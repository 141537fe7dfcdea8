import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { toCents } from '../domain/numbers';
import type { ScoreFigures } from '../domain/scoring/score-figures';
import type { Scorecard } from '../domain/scoring/scorecard';
import { withinReach, type ReachFilter } from './reach-filter';

export interface StoredScorecard {
  revision: number;
  figures: ScoreFigures;
  card: Scorecard;
  createdAt: string;
}

/** The latest revision's figures of one agent: a payroll export's row. */
export interface LatestFigures {
  agentId: string;
  revision: number;
  figures: ScoreFigures;
}

/** Where a page of a closed month's cards starts and whom it may show. */
export interface MonthPageQuery {
  /** The agent id the previous page ended at; the first page when absent. */
  after?: string;
  limit: number;
  within: ReachFilter;
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
  /** The latest revisions of up to `limit` agents after `after`, by agent id: one page read, never the month. */
  abstract latestPage(period: string, q: MonthPageQuery): Promise<StoredScorecard[]>;
  /** An agent's revisions after `afterRevision`, oldest first, up to `limit`. */
  abstract revisions(period: string, agentId: string, page: { afterRevision?: number; limit: number }): Promise<StoredScorecard[]>;
  /** The latest revision's figures only (without the card, which is ten times larger). */
  abstract latestFigures(period: string): Promise<Map<string, ScoreFigures>>;
  /** The same for up to `limit` agents after `after`, by agent id (a payroll export, chunk by chunk). */
  abstract latestFiguresPage(period: string, page: { after?: string; limit: number }): Promise<LatestFigures[]>;
  /** How many agents a closed month has cards for, and how many of them were revised. */
  abstract counts(period: string): Promise<{ agents: number; revised: number }>;
}

type Row = { agent_id: string; revision: number; figures: ScoreFigures; card: Scorecard; created_at: Date };

/**
 * The latest revision of each of a page of agents: the keys come from the primary key's index alone (period,
 * agent_id, revision), then only the page's rows are read with their cards. `$1` period, `$2` after, `$3` limit.
 * Agent ids in code-point order (COLLATE "C"), the order an open month's pages take too, whatever the database's.
 */
const latestKeys = (where = 'TRUE') =>
  `SELECT agent_id, max(revision) AS revision FROM scoring.scorecard WHERE period = $1 AND agent_id COLLATE "C" > $2 AND ${where}
   GROUP BY agent_id ORDER BY agent_id COLLATE "C" LIMIT $3`;
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

  async latestPage(period: string, q: MonthPageQuery): Promise<StoredScorecard[]> {
    const rows: Row[] = await this.scope.manager().query(
      `SELECT s.agent_id, s.revision, s.figures, s.card, s.created_at FROM (${latestKeys(withinReach('agent_id', 4, 5))}) k
       JOIN scoring.scorecard s ON s.period = $1 AND s.agent_id = k.agent_id AND s.revision = k.revision ORDER BY s.agent_id COLLATE "C"`,
      [period, q.after ?? '', q.limit, q.within.teams, q.within.self],
    );
    return rows.map(toStored);
  }

  async revisions(period: string, agentId: string, page: { afterRevision?: number; limit: number }): Promise<StoredScorecard[]> {
    const rows: Row[] = await this.scope.manager().query(
      `SELECT agent_id, revision, figures, card, created_at FROM scoring.scorecard WHERE period = $1 AND agent_id = $2 AND revision > $3
       ORDER BY revision LIMIT $4`,
      [period, agentId, page.afterRevision ?? 0, page.limit],
    );
    return rows.map(toStored);
  }

  async latestFiguresPage(period: string, page: { after?: string; limit: number }): Promise<LatestFigures[]> {
    const rows: Array<{ agent_id: string; revision: number; figures: ScoreFigures }> = await this.scope.manager().query(
      `SELECT s.agent_id, s.revision, s.figures FROM (${latestKeys()}) k
       JOIN scoring.scorecard s ON s.period = $1 AND s.agent_id = k.agent_id AND s.revision = k.revision ORDER BY s.agent_id COLLATE "C"`,
      [period, page.after ?? '', page.limit],
    );
    return rows.map((r) => ({ agentId: r.agent_id, revision: r.revision, figures: r.figures }));
  }

  async counts(period: string): Promise<{ agents: number; revised: number }> {
    const [r]: Array<{ agents: number; revised: number }> = await this.scope.manager().query(
      `SELECT count(DISTINCT agent_id)::int AS agents, count(DISTINCT agent_id) FILTER (WHERE revision > 1)::int AS revised FROM scoring.scorecard WHERE period = $1`,
      [period],
    );
    return r;
  }

  async latestFigures(period: string): Promise<Map<string, ScoreFigures>> {
    const rows: Array<{ agent_id: string; figures: ScoreFigures }> = await this.scope.manager().query(
      `SELECT DISTINCT ON (agent_id) agent_id, figures FROM scoring.scorecard WHERE period = $1 ORDER BY agent_id, revision DESC`,
      [period],
    );
    return new Map(rows.map((r) => [r.agent_id, r.figures]));
  }
}
