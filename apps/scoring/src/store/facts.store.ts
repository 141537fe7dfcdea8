import { Injectable } from '@nestjs/common';
import type {
  AgentUpsertedEvent, AppraisalSubmittedEvent, AutoEvaluationCompletedEvent, CallSummarizedEvent, ComplaintJudgedEvent, ConductRecordedEvent, ConductVoidedEvent,
  DayClosedEvent, EvaluationEvent,
} from '@app/contracts';
import { TransactionScope } from '@app/persistence';

/**
 * What a stored fact touched, for marking closed months: instants (ISO) and local dates / periods.
 * Empty when the fact was older than the stored version (nothing changed).
 */
export interface Touched {
  instants: string[];
  periods: string[];
}

const NONE: Touched = { instants: [], periods: [] };

export type AutoKpiCounts = NonNullable<AutoEvaluationCompletedEvent['kpis']>;

/** The event's KPI counts; an event published before they existed has its hit counts only (no script judged). */
export function autoKpiCounts(e: AutoEvaluationCompletedEvent): AutoKpiCounts {
  if (e.kpis) return e.kpis;
  const hits = e.hitCounts ?? {};
  return { scriptChecks: 0, scriptPassed: 0, forbiddenPhrases: hits['forbidden-phrase'] ?? 0, complaintRisk: (hits['complaint-risk'] ?? 0) > 0 };
}

/** Scoring's own copy of every input; each write keeps the highest version and reports what it touched. */
export abstract class FactsStore {
  abstract upsertAgent(e: AgentUpsertedEvent): Promise<Touched>;
  abstract upsertCalls(events: CallSummarizedEvent[]): Promise<Touched>;
  abstract upsertEvaluation(e: EvaluationEvent): Promise<Touched>;
  abstract upsertAutoEvaluation(e: AutoEvaluationCompletedEvent): Promise<Touched>;
  abstract upsertAppraisal(e: AppraisalSubmittedEvent): Promise<Touched>;
  abstract upsertDay(e: DayClosedEvent): Promise<Touched>;
  abstract insertRecord(e: ConductRecordedEvent): Promise<Touched>;
  abstract voidRecord(e: ConductVoidedEvent): Promise<Touched>;
  abstract upsertComplaint(e: ComplaintJudgedEvent): Promise<Touched>;
  abstract agentExists(agentId: string): Promise<boolean>;
  abstract activeAgentCount(): Promise<number>;
}

@Injectable()
export class PgFactsStore extends FactsStore {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  private q<T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]> {
    return this.scope.manager().query(sql, params);
  }

  async upsertAgent(e: AgentUpsertedEvent): Promise<Touched> {
    await this.q(
      `INSERT INTO scoring.agent (agent_id, name, team, role, level, active, version, supervisor_id) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
       ON CONFLICT (agent_id) DO UPDATE SET name = EXCLUDED.name, team = EXCLUDED.team, role = EXCLUDED.role, level = EXCLUDED.level,
         active = EXCLUDED.active, version = EXCLUDED.version, supervisor_id = EXCLUDED.supervisor_id, updated_at = now() WHERE scoring.agent.version < EXCLUDED.version`,
      [e.agentId, e.name, e.team, e.role, e.level, e.active, e.version, e.supervisorId ?? null],
    );
    if (e.levelEffectiveFrom) {
      // HR's level holds from its month on — but a closed month is never reopened: a month already closed moves the
      // setting to the first month after the last close.
      await this.q(
        `INSERT INTO scoring.agent_level (agent_id, effective_from, level, version)
         SELECT $1, greatest($2::text, coalesce((SELECT to_char(to_date(max(period), 'YYYY-MM') + interval '1 month', 'YYYY-MM') FROM scoring.period WHERE state = 'closed'), $2)), $3, $4
         ON CONFLICT (agent_id, effective_from) DO UPDATE SET level = EXCLUDED.level, version = EXCLUDED.version WHERE scoring.agent_level.version < EXCLUDED.version`,
        [e.agentId, e.levelEffectiveFrom, e.level, e.version],
      );
    }
    return NONE;
  }

  /**
   * A batch of call summaries in four statements whatever its size: claim the versions, upsert the claimed calls'
   * legs, drop legs a new version no longer has, and move evaluations written before their call into its month. The
   * CTE reads the old legs' instants from the snapshot before the changes. A higher version replaces a call's legs,
   * never adds to them; within one batch only a call's highest version counts.
   */
  async upsertCalls(events: CallSummarizedEvent[]): Promise<Touched> {
    const latest = new Map<string, CallSummarizedEvent>();
    for (const e of events) if ((latest.get(e.callId)?.version ?? -1) < e.version) latest.set(e.callId, e);
    // Sorted: two batches sharing calls take their row locks in one order.
    const calls = [...latest.values()].sort((a, b) => (a.callId < b.callId ? -1 : a.callId > b.callId ? 1 : 0));
    const legs = calls.flatMap((e) => e.legs.map((l, legNo) => ({ l, callId: e.callId, legNo })).filter(({ l }) => l.offeredAt !== null));
    // One array per column (unnest): the profile of issue 20 showed a JSON document of the legs parsed twice by
    // PostgreSQL and built field by field here.
    const col = <T>(f: (x: (typeof legs)[number]) => T): T[] => legs.map(f);
    // First: another batch holding one of these calls commits before this statement takes its snapshot, so its legs
    // are seen (and replaced), never left beside this version's.
    await this.lockCalls(calls.map((e) => e.callId));
    const [row] = await this.q<{ claimed: string[]; old: string[] }>(
      `WITH input AS (SELECT * FROM unnest($1::text[], $2::int[], $3::text[]) AS i(call_id, version, event_id)),
       legs AS (
         SELECT * FROM unnest($4::text[], $5::int[], $6::text[], $7::timestamptz[], $8::boolean[], $9::boolean[], $10::int[], $11::int[], $12::int[],
                              $13::int[], $14::int[], $15::double precision[], $16::text[])
           AS l(call_id, leg_no, agent_id, offered_at, answered, missed, ring_ms, talk_ms, hold_ms, longest_hold_ms, wrap_up_ms, mos, rating)),
       claim AS (
         INSERT INTO scoring.call_fact (call_id, version, event_id) SELECT call_id, version, event_id FROM input
         ON CONFLICT (call_id) DO UPDATE SET version = EXCLUDED.version, event_id = EXCLUDED.event_id WHERE scoring.call_fact.version < EXCLUDED.version
         RETURNING call_id),
       old AS (SELECT offered_at FROM scoring.call_leg WHERE call_id IN (SELECT call_id FROM claim)),
       up AS (
         INSERT INTO scoring.call_leg (call_id, leg_no, agent_id, offered_at, answered, missed, ring_ms, talk_ms, hold_ms, longest_hold_ms, wrap_up_ms, mos, rating)
         SELECT call_id, leg_no, agent_id, offered_at, answered, missed, ring_ms, talk_ms, coalesce(hold_ms, 0), coalesce(longest_hold_ms, 0), wrap_up_ms, mos, rating
         FROM legs WHERE call_id IN (SELECT call_id FROM claim)
         ON CONFLICT (call_id, leg_no) DO UPDATE SET agent_id = EXCLUDED.agent_id, offered_at = EXCLUDED.offered_at, answered = EXCLUDED.answered,
           missed = EXCLUDED.missed, ring_ms = EXCLUDED.ring_ms, talk_ms = EXCLUDED.talk_ms, hold_ms = EXCLUDED.hold_ms,
           longest_hold_ms = EXCLUDED.longest_hold_ms, wrap_up_ms = EXCLUDED.wrap_up_ms, mos = EXCLUDED.mos, rating = EXCLUDED.rating
         RETURNING 1),
       gone AS (
         DELETE FROM scoring.call_leg g WHERE g.call_id IN (SELECT call_id FROM claim)
           AND NOT EXISTS (SELECT 1 FROM legs k WHERE k.call_id = g.call_id AND k.leg_no = g.leg_no) RETURNING 1)
       SELECT (SELECT coalesce(array_agg(call_id), '{}') FROM claim) AS claimed,
              (SELECT coalesce(array_agg(to_char(offered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')), '{}') FROM old) AS old,
              (SELECT count(*) FROM up) + (SELECT count(*) FROM gone) AS changed`,
      [
        calls.map((e) => e.callId), calls.map((e) => e.version), calls.map((e) => e.eventId),
        col((x) => x.callId), col((x) => x.legNo), col((x) => x.l.agentId), col((x) => x.l.offeredAt), col((x) => x.l.answeredAt != null), col((x) => x.l.missed),
        col((x) => x.l.ringMs), col((x) => x.l.talkMs), col((x) => x.l.holdMs ?? null), col((x) => x.l.longestHoldMs ?? null), col((x) => x.l.wrapUpMs),
        col((x) => x.l.mos ?? null), col((x) => x.l.rating ?? null),
      ],
    );
    if (row.claimed.length === 0) return NONE;
    const claimed = new Set(row.claimed);
    // Evaluations (and automatic ones, issue 19) written before their call arrived now count in the call's month, and
    // leave the other; one statement for both saves a round trip per batch.
    const moved = await this.q<{ at: Date }>(
      `WITH l AS (SELECT call_id, agent_id, min(offered_at) AS at FROM scoring.call_leg WHERE call_id = ANY($1::text[]) GROUP BY call_id, agent_id),
       manual AS (
         UPDATE scoring.evaluation e SET call_at = l.at FROM l
         WHERE e.call_id = l.call_id AND e.agent_id = l.agent_id AND e.call_at IS DISTINCT FROM l.at
         RETURNING e.evaluated_at AS at),
       automatic AS (
         UPDATE scoring.auto_evaluation a SET call_at = l.at FROM l
         WHERE a.call_id = l.call_id AND a.agent_id = l.agent_id AND a.call_at IS DISTINCT FROM l.at
         RETURNING a.checked_at AS at)
       SELECT at FROM manual UNION ALL SELECT at FROM automatic`,
      [row.claimed],
    );
    const now = legs.filter((x) => claimed.has(x.callId)).map((x) => x.l.offeredAt!);
    return { instants: [...row.old, ...now, ...moved.map((m) => m.at.toISOString())], periods: [] };
  }

  /**
   * A call and an evaluation of it may be stored at once by two consumers; each would miss the other's
   * uncommitted row and `call_at` would stay empty. Whoever comes second waits here for the first to
   * commit, then sees its row.
   */
  private async lockCall(callId: string): Promise<void> {
    await this.lockCalls([callId]);
  }

  /** In one order everywhere (by the lock key), so two batches sharing calls cannot deadlock on them. */
  private async lockCalls(callIds: string[]): Promise<void> {
    await this.q(
      `SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtext('scoring.call:' || id) AS k FROM unnest($1::text[]) AS id) keys ORDER BY k`,
      [callIds],
    );
  }

  async upsertEvaluation(e: EvaluationEvent): Promise<Touched> {
    // It counts in the month of the agent's leg of the scored call (`call_at`), or, while that call is
    // not known here yet, of its writing; upsertCall fills `call_at` in when the call arrives.
    if (e.callId) await this.lockCall(e.callId);
    const rows = await this.q<{ before: Date; after: Date }>(
      `WITH prev AS (SELECT coalesce(call_at, evaluated_at) AS at FROM scoring.evaluation WHERE evaluation_id = $1),
            leg AS (SELECT min(offered_at) AS at FROM scoring.call_leg WHERE call_id = $4 AND agent_id = $3)
       INSERT INTO scoring.evaluation (evaluation_id, version, agent_id, call_id, percent, critical_fail, evaluated_at, voided, call_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,(SELECT at FROM leg))
       ON CONFLICT (evaluation_id) DO UPDATE SET version = EXCLUDED.version, agent_id = EXCLUDED.agent_id, percent = EXCLUDED.percent,
         critical_fail = EXCLUDED.critical_fail, evaluated_at = EXCLUDED.evaluated_at, voided = EXCLUDED.voided, call_at = EXCLUDED.call_at
       WHERE scoring.evaluation.version < EXCLUDED.version
       RETURNING coalesce((SELECT at FROM prev), coalesce(call_at, evaluated_at)) AS before, coalesce(call_at, evaluated_at) AS after`,
      [e.evaluationId, e.version, e.agentId, e.callId ?? null, e.percent, e.criticalFail, e.evaluatedAt, e.voided ?? false],
    );
    return rows.length ? { instants: [rows[0].before.toISOString(), rows[0].after.toISOString()], periods: [] } : NONE;
  }

  /**
   * One call's automatic evaluation: a higher version (a re-check of a new transcript) replaces the figures, a
   * redelivery or an older version changes nothing. Its month is the agent's leg of the call, as for evaluations.
   */
  async upsertAutoEvaluation(e: AutoEvaluationCompletedEvent): Promise<Touched> {
    await this.lockCall(e.callId);
    const k = autoKpiCounts(e);
    const rows = await this.q<{ before: Date; after: Date }>(
      `WITH prev AS (SELECT coalesce(call_at, checked_at) AS at FROM scoring.auto_evaluation WHERE call_id = $1),
            leg AS (SELECT min(offered_at) AS at FROM scoring.call_leg WHERE call_id = $1 AND agent_id = $4)
       INSERT INTO scoring.auto_evaluation (call_id, version, event_id, agent_id, checked_at, call_at, script_checks, script_passed, forbidden_phrases, complaint_risk)
       VALUES ($1,$2,$3,$4,$5,(SELECT at FROM leg),$6,$7,$8,$9)
       ON CONFLICT (call_id) DO UPDATE SET version = EXCLUDED.version, event_id = EXCLUDED.event_id, agent_id = EXCLUDED.agent_id,
         checked_at = EXCLUDED.checked_at, call_at = EXCLUDED.call_at, script_checks = EXCLUDED.script_checks, script_passed = EXCLUDED.script_passed,
         forbidden_phrases = EXCLUDED.forbidden_phrases, complaint_risk = EXCLUDED.complaint_risk
       WHERE scoring.auto_evaluation.version < EXCLUDED.version
       RETURNING coalesce((SELECT at FROM prev), coalesce(call_at, checked_at)) AS before, coalesce(call_at, checked_at) AS after`,
      [e.callId, e.version, e.eventId, e.agentId, e.checkedAt, k.scriptChecks, k.scriptPassed, k.forbiddenPhrases, k.complaintRisk],
    );
    return rows.length ? { instants: [rows[0].before.toISOString(), rows[0].after.toISOString()], periods: [] } : NONE;
  }

  async upsertAppraisal(e: AppraisalSubmittedEvent): Promise<Touched> {
    const rows = await this.q(
      `INSERT INTO scoring.appraisal (agent_id, period, version, event_id, sections, total, any_item_zero) VALUES ($1,$2,$3,$4,$5,$6,$7)
       ON CONFLICT (agent_id, period) DO UPDATE SET version = EXCLUDED.version, event_id = EXCLUDED.event_id, sections = EXCLUDED.sections,
         total = EXCLUDED.total, any_item_zero = EXCLUDED.any_item_zero WHERE scoring.appraisal.version < EXCLUDED.version RETURNING period`,
      [e.agentId, e.period, e.version, e.eventId, JSON.stringify(e.sections ?? {}), e.total, e.anyItemZero],
    );
    return rows.length ? { instants: [], periods: [e.period] } : NONE;
  }

  async upsertDay(e: DayClosedEvent): Promise<Touched> {
    const rows = await this.q(
      `INSERT INTO scoring.attendance_day (agent_id, date, version, event_id, status, late_minutes, early_leave_minutes, leave_half_day, leave_breaks_full, excused, breaks_full)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)
       ON CONFLICT (agent_id, date) DO UPDATE SET version = EXCLUDED.version, event_id = EXCLUDED.event_id, status = EXCLUDED.status,
         late_minutes = EXCLUDED.late_minutes, early_leave_minutes = EXCLUDED.early_leave_minutes, leave_half_day = EXCLUDED.leave_half_day,
         leave_breaks_full = EXCLUDED.leave_breaks_full, excused = EXCLUDED.excused, breaks_full = EXCLUDED.breaks_full
       WHERE scoring.attendance_day.version < EXCLUDED.version RETURNING date`,
      [
        e.agentId, e.date, e.version, e.eventId, e.status, e.lateMinutes ?? 0, e.earlyLeaveMinutes ?? 0, !!e.leaveHalfDay, e.leaveBreaksFullAttendance ?? null, e.excused ?? false,
        e.breaksFullAttendance ?? null,
      ],
    );
    return rows.length ? { instants: [], periods: [e.date.slice(0, 7)] } : NONE;
  }

  async insertRecord(e: ConductRecordedEvent): Promise<Touched> {
    const rows = await this.q(
      `INSERT INTO scoring.conduct_record (record_id, agent_id, code, kind, amount, points, occurred_at, issuer_id, call_id, label_zh, label_en, scorecard_part, warning, category, date)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15) ON CONFLICT (record_id) DO NOTHING RETURNING record_id`,
      [
        e.recordId, e.agentId, e.code, e.kind, e.amount ?? 0, e.points ?? 0, e.occurredAt, e.issuerId, e.callId ?? null, e.labelZh ?? e.code, e.labelEn ?? e.code,
        e.scorecardPart ?? null, e.warning === true, e.category ?? null, e.date ?? null,
      ],
    );
    return rows.length ? { instants: [e.occurredAt], periods: [] } : NONE;
  }

  async voidRecord(e: ConductVoidedEvent): Promise<Touched> {
    await this.q(`INSERT INTO scoring.conduct_void (record_id, reason, voided_at) VALUES ($1,$2,$3) ON CONFLICT DO NOTHING`, [e.recordId, e.reason ?? '', e.voidedAt ?? new Date().toISOString()]);
    const rows = await this.q<{ occurred_at: Date }>(`SELECT occurred_at FROM scoring.conduct_record WHERE record_id = $1`, [e.recordId]);
    return { instants: rows.map((r) => r.occurred_at.toISOString()), periods: [] };
  }

  async upsertComplaint(e: ComplaintJudgedEvent): Promise<Touched> {
    const rows = await this.q<{ received_at: Date }>(
      `WITH prev AS (SELECT received_at FROM scoring.complaint WHERE complaint_id = $1)
       INSERT INTO scoring.complaint (complaint_id, version, agent_id, valid, received_at, category) VALUES ($1,$2,$3,$4,$5,$6)
       ON CONFLICT (complaint_id) DO UPDATE SET version = EXCLUDED.version, agent_id = EXCLUDED.agent_id, valid = EXCLUDED.valid,
         received_at = EXCLUDED.received_at, category = EXCLUDED.category WHERE scoring.complaint.version < EXCLUDED.version
       RETURNING coalesce((SELECT received_at FROM prev), received_at) AS received_at`,
      [e.complaintId, e.version ?? 1, e.agentId ?? null, e.valid, e.receivedAt, e.category ?? null],
    );
    return rows.length ? { instants: [rows[0].received_at.toISOString(), e.receivedAt], periods: [] } : NONE;
  }

  async agentExists(agentId: string): Promise<boolean> {
    return (await this.q(`SELECT 1 FROM scoring.agent WHERE agent_id = $1`, [agentId])).length > 0;
  }

  async activeAgentCount(): Promise<number> {
    return (await this.q<{ n: number }>(`SELECT count(*)::int AS n FROM scoring.agent WHERE active`, []))[0].n;
  }
}
