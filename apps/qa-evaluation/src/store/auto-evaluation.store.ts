import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import type { AgentSpeechKpis } from '../domain/speech/agent-kpis';
import type { AnswerPair } from '../domain/speech/agreement';
import type { AutoItem, AutoKpis, AutoResult } from '../domain/speech/auto-evaluation';
import type { Hit } from '../domain/speech/run-checks';
import { PgStore } from './pg-store';

export interface NewAutoEvaluation {
  callId: string;
  agentId: string;
  policyVersion: string;
  transcriptVersion: number;
  startedAt: Date | null;
  result: AutoResult;
}

export interface AutoEvaluation {
  callId: string;
  version: number;
  agentId: string;
  formId: string;
  formVersion: number;
  policyVersion: string;
  transcriptVersion: number;
  startedAt: Date | null;
  items: AutoItem[];
  hits: Hit[];
  hitCounts: Record<string, number>;
  outcomes: AutoResult['outcomes'];
  flagged: boolean;
  kpis: AutoKpis;
  checkedAt: Date;
}

/** The machine's evaluation of each call, one per call (version + 1 for each new transcript), apart from people's. */
export abstract class AutoEvaluationStore {
  /** Stores each call's evaluation; the versions they got, by call. */
  abstract saveMany(rows: NewAutoEvaluation[]): Promise<Map<string, { version: number; checkedAt: Date }>>;
  abstract get(callId: string): Promise<AutoEvaluation | null>;
  /** An agent's KPI counts over the calls that started in [from, to). */
  abstract kpiSums(agentId: string, from: Date, to: Date): Promise<Omit<AgentSpeechKpis, 'scriptAdherencePercent' | 'forbiddenPhrasesPer100Calls'>>;
  /** Every item answered by both the machine and a person (a live evaluation on the same form) for calls started in [from, to). */
  abstract answerPairs(from: Date, to: Date): Promise<{ pairs: AnswerPair[]; calls: number }>;
}

interface Row {
  call_id: string; version: number; agent_id: string; form_id: string; form_version: number; policy_version: string; transcript_version: number;
  started_at: Date | null; items: AutoItem[]; hits: Hit[]; hit_counts: Record<string, number>; outcomes: AutoResult['outcomes']; flagged: boolean;
  script_checks: number; script_passed: number; forbidden_phrases: number; complaint_risk: boolean; checked_at: Date;
}

@Injectable()
export class PgAutoEvaluationStore extends PgStore implements AutoEvaluationStore {
  constructor(scope: TransactionScope) {
    super(scope);
  }

  async saveMany(rows: NewAutoEvaluation[]): Promise<Map<string, { version: number; checkedAt: Date }>> {
    if (!rows.length) return new Map();
    // One statement for the batch; the rows travel as one JSON document.
    const doc = rows.map((r) => ({
      callId: r.callId, agentId: r.agentId, formId: r.result.formId, formVersion: r.result.formVersion, policyVersion: r.policyVersion,
      transcriptVersion: r.transcriptVersion, startedAt: r.startedAt?.toISOString() ?? null, items: r.result.items, hits: r.result.hits,
      hitCounts: r.result.hitCounts, outcomes: r.result.outcomes, flagged: r.result.flagged, ...r.result.kpis,
    }));
    const saved = await this.q<{ call_id: string; version: number; checked_at: Date }>(
      `INSERT INTO qa.auto_evaluation (call_id, version, agent_id, form_id, form_version, policy_version, transcript_version, started_at,
         items, hits, hit_counts, outcomes, flagged, script_checks, script_passed, forbidden_phrases, complaint_risk, checked_at)
       SELECT r->>'callId', 1, r->>'agentId', r->>'formId', (r->>'formVersion')::int, r->>'policyVersion', (r->>'transcriptVersion')::int,
              (r->>'startedAt')::timestamptz, r->'items', r->'hits', r->'hitCounts', r->'outcomes', (r->>'flagged')::boolean,
              (r->>'scriptChecks')::int, (r->>'scriptPassed')::int, (r->>'forbiddenPhrases')::int, (r->>'complaintRisk')::boolean, clock_timestamp()
       FROM jsonb_array_elements($1::jsonb) r
       ON CONFLICT (call_id) DO UPDATE SET version = qa.auto_evaluation.version + 1, agent_id = EXCLUDED.agent_id, form_id = EXCLUDED.form_id,
         form_version = EXCLUDED.form_version, policy_version = EXCLUDED.policy_version, transcript_version = EXCLUDED.transcript_version,
         started_at = EXCLUDED.started_at, items = EXCLUDED.items, hits = EXCLUDED.hits, hit_counts = EXCLUDED.hit_counts, outcomes = EXCLUDED.outcomes,
         flagged = EXCLUDED.flagged, script_checks = EXCLUDED.script_checks, script_passed = EXCLUDED.script_passed,
         forbidden_phrases = EXCLUDED.forbidden_phrases, complaint_risk = EXCLUDED.complaint_risk, checked_at = EXCLUDED.checked_at
       RETURNING call_id, version, checked_at`,
      [JSON.stringify(doc)],
    );
    return new Map(saved.map((r) => [r.call_id, { version: r.version, checkedAt: r.checked_at }]));
  }

  async get(callId: string): Promise<AutoEvaluation | null> {
    const [r] = await this.q<Row>(`SELECT * FROM qa.auto_evaluation WHERE call_id = $1`, [callId]);
    if (!r) return null;
    return {
      callId: r.call_id, version: r.version, agentId: r.agent_id, formId: r.form_id, formVersion: r.form_version, policyVersion: r.policy_version,
      transcriptVersion: r.transcript_version, startedAt: r.started_at, items: r.items, hits: r.hits, hitCounts: r.hit_counts, outcomes: r.outcomes,
      flagged: r.flagged, kpis: { scriptChecks: r.script_checks, scriptPassed: r.script_passed, forbiddenPhrases: r.forbidden_phrases, complaintRisk: r.complaint_risk },
      checkedAt: r.checked_at,
    };
  }

  async kpiSums(agentId: string, from: Date, to: Date) {
    const [r] = await this.q<{ calls: number; script_checks: number; script_passed: number; forbidden: number; risk: number; flagged: number }>(
      `SELECT count(*)::int AS calls, COALESCE(sum(script_checks), 0)::int AS script_checks, COALESCE(sum(script_passed), 0)::int AS script_passed,
              COALESCE(sum(forbidden_phrases), 0)::int AS forbidden, count(*) FILTER (WHERE complaint_risk)::int AS risk, count(*) FILTER (WHERE flagged)::int AS flagged
       FROM qa.auto_evaluation WHERE agent_id = $1 AND started_at >= $2 AND started_at < $3`,
      [agentId, from, to],
    );
    return { calls: r.calls, scriptChecks: r.script_checks, scriptPassed: r.script_passed, forbiddenPhrases: r.forbidden, complaintRiskCalls: r.risk, flaggedCalls: r.flagged };
  }

  async answerPairs(from: Date, to: Date): Promise<{ pairs: AnswerPair[]; calls: number }> {
    const rows = await this.q<{ call_id: string; agent_id: string; evaluation_id: string; item_id: string; machine: unknown; human: unknown }>(
      `SELECT a.call_id, a.agent_id, e.evaluation_id, ai->>'itemId' AS item_id, ai->'answer' AS machine, ea->'value' AS human
       FROM qa.auto_evaluation a
       JOIN qa.evaluation e ON e.call_id = a.call_id AND e.agent_id = a.agent_id AND e.form_id = a.form_id AND e.status <> 'voided'
       CROSS JOIN LATERAL jsonb_array_elements(a.items) ai
       JOIN LATERAL jsonb_array_elements(e.answers) ea ON ea->>'itemId' = ai->>'itemId'
       WHERE a.started_at >= $1 AND a.started_at < $2
       ORDER BY a.call_id, item_id`,
      [from, to],
    );
    const pairs = rows.map((r) => ({ callId: r.call_id, agentId: r.agent_id, evaluationId: r.evaluation_id, itemId: r.item_id, machine: r.machine, human: r.human }));
    return { pairs, calls: new Set(pairs.map((p) => p.callId)).size };
  }
}
