import { Injectable } from '@nestjs/common';
import { mapPage, pageOf, type Page } from '@app/platform';
import { TransactionScope } from '@app/persistence';
import type { SampleAssignment, SampleCandidate } from '../domain/sampling/plan-sample';
import type { SamplingWeights } from '../domain/sampling/sampling-weights';
import type { PageRequest } from './keyset';
import { PgStore } from './pg-store';

/** A work list is read by (due date, callId); a cursor holds the last one's. */
export const WORK_ITEM_KEY = ['date', 'string'] as const;

export interface CandidateQuery {
  /** The weeks of the month as instants [from, to): week 0 is days 1–7 in the policy's zone. */
  weeks: Array<{ week: number; from: Date; to: Date }>;
  timeZone: string;
  agentIds: string[];
  /** Best `perWeek` calls of each agent's week. */
  perWeek: number;
  poorRatings: string[];
  longHoldMs: number;
  longRingMs: number;
  /** What each mark adds to a call's priority (all 0 without targeting); a flagged weight of 0 leaves flagged calls out of the ranking. */
  weights: SamplingWeights;
}

/** A call leg's (`l`) priority from its marks: the weights and thresholds are bind parameters, never literals. */
const LEG_PRIORITY = `(CASE WHEN l.rating = ANY($5::text[]) THEN $11::int ELSE 0 END) + (CASE WHEN l.longest_hold_ms >= $6 THEN $12::int ELSE 0 END)
                + (CASE WHEN COALESCE(l.ring_ms, 0) >= $7 THEN $13::int ELSE 0 END)`;

export interface WorkItem extends SampleAssignment {
  period: string;
  evaluationId: string | null;
}

export abstract class SamplingStore {
  abstract lockPeriod(period: string): Promise<void>;
  /** Answered calls of the month not yet evaluated or assigned, ranked within each agent's week. */
  abstract candidates(q: CandidateQuery): Promise<SampleCandidate[]>;
  abstract assignedCounts(period: string): Promise<Map<string, number>>;
  abstract load(period: string): Promise<Map<string, number>>;
  abstract agentsWithCalls(from: Date, to: Date): Promise<string[]>;
  abstract save(period: string, assignments: SampleAssignment[]): Promise<number>;
  /** A page of an evaluator's sampled calls of a month, by due date. */
  abstract workList(evaluatorId: string, period: string, p: PageRequest): Promise<Page<WorkItem>>;
  /** How many calls the work list holds, and how many of them are evaluated (counted in the database). */
  abstract workListCounts(evaluatorId: string, period: string): Promise<{ total: number; done: number }>;
}

/** The live evaluation of an assigned call (`s`), if it was evaluated: what makes a work item done. */
const EVALUATION_OF_ASSIGNMENT = `SELECT e.evaluation_id FROM qa.evaluation e WHERE e.call_id = s.call_id AND e.agent_id = s.agent_id AND e.status <> 'voided' LIMIT 1`;

@Injectable()
export class PgSamplingStore extends PgStore implements SamplingStore {
  constructor(scope: TransactionScope) {
    super(scope);
  }

  async lockPeriod(period: string): Promise<void> {
    await this.q(`SELECT pg_advisory_xact_lock(hashtext('qa.sampling:' || $1))`, [period]);
  }

  async candidates(c: CandidateQuery): Promise<SampleCandidate[]> {
    // Calls already evaluated or assigned are excluded after each agent-week's top-N, not row by
    // row (millions of index probes): an agent's top-N is widened by the calls it has excluded.
    const excluded = await this.q<{ agent_id: string; n: number }>(
      `SELECT l.agent_id, count(*)::int AS n FROM qa.call_leg l
       WHERE l.call_id IN (SELECT call_id FROM qa.evaluation WHERE status <> 'voided' UNION SELECT call_id FROM qa.sample_assignment)
         AND l.started_at >= $1 AND l.started_at < $2
       GROUP BY l.agent_id`,
      [c.weeks[0].from, c.weeks[c.weeks.length - 1].to],
    );
    const extra = new Map(excluded.map((r) => [r.agent_id, r.n]));
    // One index-only range per agent and week, its best calls by a top-N sort: no sort of the month.
    // Priority: the policy's weights (poor rating, long hold, long ring; speech QA's flag); ties broken by a hash of the
    // call id, so a run is reproducible yet not biased to early calls.
    const rows = await this.q<{ call_id: string; agent_id: string; week: number; date: string; priority: number }>(
      `SELECT r.call_id, a.agent_id, w.week, to_char(r.started_at AT TIME ZONE $3, 'YYYY-MM-DD') AS date, r.priority
       FROM unnest($4::text[], $10::int[]) AS a(agent_id, extra)
       CROSS JOIN unnest($1::int[], $2::timestamptz[], $9::timestamptz[]) AS w(week, wfrom, wto)
       CROSS JOIN LATERAL (
         (SELECT l.call_id, l.started_at, ${LEG_PRIORITY} AS priority
         FROM qa.call_leg l
         WHERE l.agent_id = a.agent_id AND l.started_at >= w.wfrom AND l.started_at < w.wto AND l.answered
         ORDER BY priority DESC, hashtext(l.call_id) LIMIT $8 + a.extra)
         UNION
         -- The week's calls speech QA flagged, all of them: with the flag's weight added, the best N of the week are
         -- among these and the top N by the other weights (the flagged are few; the flag's index is read alone).
         (SELECT l.call_id, l.started_at, ${LEG_PRIORITY} AS priority
         FROM qa.auto_evaluation f JOIN qa.call_leg l ON l.call_id = f.call_id AND l.agent_id = f.agent_id
         WHERE $14::int > 0 AND f.flagged AND f.agent_id = a.agent_id AND f.started_at >= w.wfrom - interval '1 day' AND f.started_at < w.wto + interval '1 day'
           AND l.started_at >= w.wfrom AND l.started_at < w.wto AND l.answered)
       ) r0
       CROSS JOIN LATERAL (
         SELECT r0.call_id, r0.started_at, r0.priority + CASE WHEN $14::int > 0 AND EXISTS (SELECT 1 FROM qa.auto_evaluation f WHERE f.call_id = r0.call_id AND f.flagged)
                                                         THEN $14::int ELSE 0 END AS priority
       ) r
       WHERE NOT EXISTS (SELECT 1 FROM qa.sample_assignment s WHERE s.call_id = r.call_id)
         AND NOT EXISTS (SELECT 1 FROM qa.evaluation e WHERE e.call_id = r.call_id AND e.status <> 'voided')
       ORDER BY a.agent_id, w.week, r.priority DESC, hashtext(r.call_id)`,
      [
        c.weeks.map((w) => w.week), c.weeks.map((w) => w.from), c.timeZone, c.agentIds, c.poorRatings, c.longHoldMs, c.longRingMs, c.perWeek,
        c.weeks.map((w) => w.to), c.agentIds.map((a) => extra.get(a) ?? 0), c.weights.poorRating, c.weights.longHold, c.weights.longRing, c.weights.flagged,
      ],
    );
    return rows.map((r) => ({ callId: r.call_id, agentId: r.agent_id, week: r.week, date: r.date, priority: r.priority }));
  }

  async assignedCounts(period: string): Promise<Map<string, number>> {
    const rows = await this.q<{ agent_id: string; n: number }>(`SELECT agent_id, count(*)::int AS n FROM qa.sample_assignment WHERE period = $1 GROUP BY agent_id`, [period]);
    return new Map(rows.map((r) => [r.agent_id, r.n]));
  }

  async load(period: string): Promise<Map<string, number>> {
    const rows = await this.q<{ k: string; n: number }>(
      `SELECT evaluator_id || '|' || to_char(due_date, 'YYYY-MM-DD') AS k, count(*)::int AS n FROM qa.sample_assignment WHERE period = $1 GROUP BY 1`, [period],
    );
    return new Map(rows.map((r) => [r.k, r.n]));
  }

  async agentsWithCalls(from: Date, to: Date): Promise<string[]> {
    const rows = await this.q<{ agent_id: string }>(`SELECT DISTINCT agent_id FROM qa.call_leg WHERE started_at >= $1 AND started_at < $2 AND answered`, [from, to]);
    return rows.map((r) => r.agent_id);
  }

  async save(period: string, assignments: SampleAssignment[]): Promise<number> {
    if (assignments.length === 0) return 0;
    const rows = await this.q(
      `INSERT INTO qa.sample_assignment (call_id, period, agent_id, evaluator_id, week, due_date)
       SELECT a->>'callId', $1, a->>'agentId', a->>'evaluatorId', (a->>'week')::int, (a->>'dueDate')::date FROM jsonb_array_elements($2::jsonb) a
       ON CONFLICT (call_id) DO NOTHING RETURNING 1`,
      [period, JSON.stringify(assignments)],
    );
    return rows.length;
  }

  async workList(evaluatorId: string, period: string, p: PageRequest): Promise<Page<WorkItem>> {
    const [dueDate, callId] = p.after ?? [null, null];
    const rows = await this.q<{ call_id: string; agent_id: string; evaluator_id: string; week: number; due_date: string; period: string; evaluation_id: string | null }>(
      `SELECT s.call_id, s.agent_id, s.evaluator_id, s.week, to_char(s.due_date, 'YYYY-MM-DD') AS due_date, s.period, (${EVALUATION_OF_ASSIGNMENT}) AS evaluation_id
       FROM qa.sample_assignment s
       WHERE s.evaluator_id = $1 AND s.period = $2 AND ($3::date IS NULL OR (s.due_date, s.call_id) > ($3::date, $4::text))
       ORDER BY s.due_date, s.call_id LIMIT $5`,
      [evaluatorId, period, dueDate, callId, p.limit + 1],
    );
    return mapPage(
      pageOf(rows, p.limit, (r) => [r.due_date, r.call_id]),
      (r) => ({ callId: r.call_id, agentId: r.agent_id, evaluatorId: r.evaluator_id, week: r.week, dueDate: r.due_date, period: r.period, evaluationId: r.evaluation_id }),
    );
  }

  async workListCounts(evaluatorId: string, period: string): Promise<{ total: number; done: number }> {
    const [r] = await this.q<{ total: number; done: number }>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE (${EVALUATION_OF_ASSIGNMENT}) IS NOT NULL)::int AS done
       FROM qa.sample_assignment s WHERE s.evaluator_id = $1 AND s.period = $2`,
      [evaluatorId, period],
    );
    return r;
  }
}
