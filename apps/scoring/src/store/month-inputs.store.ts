import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { AgentRole, ConductKind, Level, ScorecardPart } from '@app/contracts';
import { TransactionScope } from '@app/persistence';
import { addMonths, periodOfInstant, periodWindow } from '../domain/period';
import type { ScoringPolicy } from '../domain/policy/scoring-policy';
import { emptyCallTally, type AgentMonthInput, type AppraisalInput, type AutoQaTally, type CallTally, type DayInput, type MonthInputs, type PastMonth, type RecordInput } from '../domain/scoring/month-inputs';
import { callKpiPredicates } from './call-kpi-predicates';
import { levelHeld } from '../domain/scoring/level-held';

export interface LoadOptions {
  /** Forced close: an agent without this month's appraisal gets their latest earlier one. */
  carryOver: boolean;
  /**
   * Only these people's facts (a page of cards and the teams its leads read), their ranks coming from elsewhere;
   * the whole month when absent.
   */
  agentIds?: readonly string[];
}

/** Reads one month's facts, as the pure scoring function takes them. */
export abstract class MonthInputsStore {
  abstract load(period: string, policy: ScoringPolicy, options: LoadOptions): Promise<MonthInputs>;
  /** One page of the call legs behind a call KPI, in (offered, call, leg) order after `after`, and how many there are in all. */
  abstract callIds(agentId: string, period: string, predicate: string, policy: ScoringPolicy, page: { after?: CallLegKey; limit: number }): Promise<{ total: number; rows: CallLegRow[] }>;
  /** One page of the calls an automatic evaluation checked in the month (issue 19's KPIs), keyed like the legs. */
  abstract autoQaCallIds(agentId: string, period: string, policy: ScoringPolicy, page: { after?: CallLegKey; limit: number }): Promise<{ total: number; rows: CallLegRow[] }>;
}

/** Where a leg sorts among an agent's: offered at (microseconds since 1970, exact), call id, leg number. */
export type CallLegKey = [atMicros: number, callId: string, legNo: number];

export interface CallLegRow {
  callId: string;
  key: CallLegKey;
}

type Row = Record<string, unknown>;

/** The instant an automatic evaluation counts at: the agent's leg of the call, or its checking while the call is unknown. */
const AUTO_AT = 'coalesce(call_at, checked_at)';

/** A day that carries something (late, early, absent, leave, holiday): present plain days change no figure. */
const NOTABLE = `(status <> 'present' OR late_minutes > 0 OR early_leave_minutes > 0)`;
const NOTABLE_DAYS = `jsonb_agg(jsonb_build_object('id', event_id, 'date', to_char(date, 'YYYY-MM-DD'), 'status', status, 'lateMinutes', late_minutes,
  'earlyLeaveMinutes', early_leave_minutes, 'leaveHalfDay', leave_half_day, 'leaveBreaksFullAttendance', leave_breaks_full,
  'breaksFullAttendance', breaks_full, 'excused', excused) ORDER BY date)`;
const NOT_VOIDED = `NOT EXISTS (SELECT 1 FROM scoring.conduct_void v WHERE v.record_id = r.record_id)`;

/** `col` is one of the people the `$n` parameter names, or it is null (everyone). */
const among = (col: string, n: number) => `($${n}::text[] IS NULL OR ${col} = ANY($${n}::text[]))`;

/** One after another: inside a transaction the queries share one connection. */
async function inOrder(queries: Array<() => Promise<Row[]>>): Promise<Row[][]> {
  const out: Row[][] = [];
  for (const q of queries) out.push(await q());
  return out;
}
/** Instants as ISO text straight from PostgreSQL: no Date object per row (a month has ~10⁵ of them). */
const ISO = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const iso = (d: unknown) => d as string;
const RECORDS = `SELECT r.record_id, r.agent_id, r.code, r.kind, r.label_zh, r.label_en, r.scorecard_part, r.warning, ${ISO('r.occurred_at')} AS occurred_at,
  r.amount::float8 AS amount_n, r.points::float8 AS points_n, r.category, to_char(r.date, 'YYYY-MM-DD') AS date, r.call_id, r.issuer_id FROM scoring.conduct_record r`;
const legRef = (r: Row) => ({ callId: r.call_id as string, at: iso(r.offered_at), ms: r.ms as number });
const toRecord = (r: Row): RecordInput => ({
  recordId: r.record_id as string, code: r.code as string, kind: r.kind as ConductKind, amount: r.amount_n as number, points: r.points_n as number,
  occurredAt: iso(r.occurred_at), labelZh: r.label_zh as string, labelEn: r.label_en as string, scorecardPart: (r.scorecard_part as ScorecardPart | null) ?? null,
  warning: r.warning as boolean, category: (r.category as string | null) ?? null, date: (r.date as string | null) ?? null, callId: (r.call_id as string | null) ?? null,
  issuerId: (r.issuer_id as string | null) ?? null,
});

const group = <T extends Row>(rows: T[]) => {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = r.agent_id as string;
    if (!m.has(k)) m.set(k, []);
    m.get(k)!.push(r);
  }
  return m;
};

@Injectable()
export class PgMonthInputsStore extends MonthInputsStore {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  private q<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.scope.manager().query(sql, params);
  }

  async load(period: string, policy: ScoringPolicy, options: LoadOptions): Promise<MonthInputs> {
    const zone = policy.timeZone;
    const { from, to } = periodWindow(period, zone);
    const offenceFrom = DateTime.fromJSDate(from).minus({ months: policy.pay.firstOffence.windowMonths }).toJSDate();
    const pred = callKpiPredicates(policy);
    const only = options.agentIds ? [...options.agentIds] : null;
    const agents = await this.q(`SELECT agent_id, name, team, role, level, supervisor_id FROM scoring.agent WHERE active AND ${among('agent_id', 1)} ORDER BY agent_id`, [only]);
    const windowFrom = periodWindow(addMonths(period, -(policy.deductions.windowMonths - 1)), zone).from;
    const monthDates = [`${period}-01`, `${addMonths(period, 1)}-01`];
    const [tallies, flagged, priorRing, evals, appraisals, days, away, records, penalties, complaints, history, hrLevels, windowDays, windowHolds, windowRecords, autoQa] = await inOrder([
      () => this.q(
        `SELECT agent_id, count(*)::int AS offered, count(*) FILTER (WHERE ${pred.answered})::int AS answered, count(*) FILTER (WHERE ${pred.missed})::int AS missed,
           coalesce(sum(ring_ms) FILTER (WHERE answered), 0)::bigint AS ring, coalesce(sum(talk_ms), 0)::bigint AS talk, coalesce(sum(hold_ms), 0)::bigint AS hold,
           coalesce(sum(wrap_up_ms), 0)::bigint AS wrap, coalesce(sum(mos), 0) AS mos_sum, count(mos)::int AS mos_count,
           count(*) FILTER (WHERE ${pred.poorQuality})::int AS poor, count(*) FILTER (WHERE ${pred.rated})::int AS rated, count(*) FILTER (WHERE ${pred.goodRated})::int AS good
         FROM scoring.call_leg WHERE offered_at >= $1 AND offered_at < $2 AND ${among('agent_id', 3)} GROUP BY agent_id`,
        [from, to, only],
      ),
      () => this.q(
        `SELECT agent_id, call_id, ${ISO('offered_at')} AS offered_at, ring_ms, longest_hold_ms, ${pred.ringViolations} AS ring_violation, ${pred.longHolds} AS long_hold
         FROM scoring.call_leg WHERE offered_at >= $1 AND offered_at < $2 AND (${pred.ringViolations} OR ${pred.longHolds}) AND ${among('agent_id', 3)}`,
        [from, to, only],
      ),
      () => this.q(`SELECT agent_id, ${ISO('max(offered_at)')} AS at FROM scoring.call_leg WHERE offered_at >= $1 AND offered_at < $2 AND ${pred.ringViolations} AND ${among('agent_id', 3)} GROUP BY agent_id`, [offenceFrom, from, only]),
      () => this.q(`SELECT agent_id, evaluation_id, percent::float8 AS percent, critical_fail FROM scoring.evaluation WHERE NOT voided AND coalesce(call_at, evaluated_at) >= $1 AND coalesce(call_at, evaluated_at) < $2 AND ${among('agent_id', 3)} ORDER BY evaluated_at, evaluation_id`, [from, to, only]),
      () => this.q(
        options.carryOver
          ? `SELECT DISTINCT ON (agent_id) agent_id, period, event_id, sections, total::float8 AS total, any_item_zero FROM scoring.appraisal WHERE period <= $1 AND ${among('agent_id', 2)} ORDER BY agent_id, period DESC`
          : `SELECT agent_id, period, event_id, sections, total::float8 AS total, any_item_zero FROM scoring.appraisal WHERE period = $1 AND ${among('agent_id', 2)}`,
        [period, only],
      ),
      () => this.q(
        `SELECT agent_id, count(*)::int AS rostered,
           count(*) FILTER (WHERE status = 'present' AND late_minutes = 0 AND early_leave_minutes = 0)::int AS plain_worked,
           ${NOTABLE_DAYS} FILTER (WHERE ${NOTABLE}) AS notable
         FROM scoring.attendance_day WHERE date >= $1::date AND date < $2::date AND status <> 'off' AND ${among('agent_id', 3)} GROUP BY agent_id`,
        [...monthDates, only],
      ),
      // Leave and absence of the not-appraised window, each with the rostered day before it when that one was a full
      // day away too (its rest days and holidays are covered by the same stretch: not-appraised.ts).
      () => this.q(
        `SELECT agent_id, to_char(date, 'YYYY-MM-DD') AS date, leave_half_day AS half,
                CASE WHEN prev_away AND NOT prev_half THEN to_char(prev_date, 'YYYY-MM-DD') END AS bridged_from
         FROM (SELECT agent_id, date, status, leave_half_day,
                      lag(date) OVER w AS prev_date, lag(status IN ('leave', 'absent')) OVER w AS prev_away, lag(leave_half_day) OVER w AS prev_half
               FROM scoring.attendance_day WHERE date >= $1::date AND date < $2::date AND status NOT IN ('off', 'holiday') AND ${among('agent_id', 3)}
               WINDOW w AS (PARTITION BY agent_id ORDER BY date)) d
         WHERE status IN ('leave', 'absent') ORDER BY agent_id, date`,
        [`${addMonths(period, -(policy.notAppraised.windowMonths - 1))}-01`, monthDates[1], only],
      ),
      () => this.q(`${RECORDS} WHERE r.occurred_at >= $1 AND r.occurred_at < $2 AND ${NOT_VOIDED} AND ${among('r.agent_id', 3)}`, [from, to, only]),
      () => this.q(
        `SELECT agent_id, code, ${ISO('occurred_at')} AS occurred_at FROM scoring.conduct_record r WHERE kind = 'penalty' AND occurred_at >= $1 AND occurred_at < $2 AND ${NOT_VOIDED} AND ${among('r.agent_id', 3)}`,
        [offenceFrom, from, only],
      ),
      () => this.q(`SELECT agent_id, complaint_id, category, ${ISO('received_at')} AS received_at FROM scoring.complaint WHERE valid AND agent_id IS NOT NULL AND received_at >= $1 AND received_at < $2 AND ${among('agent_id', 3)}`, [from, to, only]),
      () => this.q(
        `SELECT DISTINCT ON (period, agent_id) period, agent_id, appraised, total_h, rank, deduction_points::float8 AS points, level_before, level_after
         FROM scoring.scorecard WHERE period >= $1 AND period < $2 AND ${among('agent_id', 3)} ORDER BY period, agent_id, revision DESC`,
        [addMonths(period, -24), period, only],
      ),
      () => this.q(`SELECT DISTINCT ON (agent_id) agent_id, effective_from, level FROM scoring.agent_level WHERE effective_from <= $1 AND ${among('agent_id', 2)} ORDER BY agent_id, effective_from DESC`, [period, only]),
      // The earlier months of the deduction-points window, from their own facts (closed or not).
      () => this.q(
        `SELECT agent_id, to_char(date, 'YYYY-MM') AS period, ${NOTABLE_DAYS} AS notable FROM scoring.attendance_day
         WHERE date >= $1::date AND date < $2::date AND status <> 'off' AND ${NOTABLE} AND ${among('agent_id', 3)} GROUP BY agent_id, to_char(date, 'YYYY-MM')`,
        [`${addMonths(period, -(policy.deductions.windowMonths - 1))}-01`, monthDates[0], only],
      ),
      () => this.q(`SELECT agent_id, call_id, ${ISO('offered_at')} AS offered_at, longest_hold_ms AS ms FROM scoring.call_leg WHERE offered_at >= $1 AND offered_at < $2 AND ${pred.longHolds} AND ${among('agent_id', 3)}`, [windowFrom, from, only]),
      () => this.q(`${RECORDS} WHERE r.kind = 'points' AND r.occurred_at >= $1 AND r.occurred_at < $2 AND ${NOT_VOIDED} AND ${among('r.agent_id', 3)}`, [windowFrom, from, only]),
      // Issue 19: the month's automatic evaluations, in the month of the agent's leg of the call (as evaluations).
      () => this.q(
        `SELECT agent_id, array_agg(call_id ORDER BY call_id) AS call_ids, sum(script_checks)::int AS script_checks, sum(script_passed)::int AS script_passed,
           sum(forbidden_phrases)::int AS forbidden, count(*) FILTER (WHERE complaint_risk)::int AS risk
         FROM scoring.auto_evaluation WHERE ${AUTO_AT} >= $1 AND ${AUTO_AT} < $2 AND ${among('agent_id', 3)} GROUP BY agent_id`,
        [from, to, only],
      ),
    ]);
    const byAgent = {
      tallies: new Map(tallies.map((r) => [r.agent_id as string, r])),
      violations: group(flagged.filter((r) => r.ring_violation).map((r) => ({ ...r, ms: r.ring_ms }))),
      holds: group(flagged.filter((r) => r.long_hold).map((r) => ({ ...r, ms: r.longest_hold_ms }))),
      priorRing: new Map(priorRing.map((r) => [r.agent_id as string, iso(r.at)])),
      evals: group(evals),
      appraisals: new Map(appraisals.map((r) => [r.agent_id as string, r])),
      days: new Map(days.map((r) => [r.agent_id as string, r])),
      away: group(away),
      records: group(records),
      penalties: group(penalties),
      complaints: group(complaints),
      history: group(history),
      hrLevels: new Map(hrLevels.map((r) => [r.agent_id as string, { effectiveFrom: r.effective_from as string, level: r.level as Level }])),
      windowDays: group(windowDays),
      windowHolds: group(windowHolds),
      windowRecords: group(windowRecords),
      autoQa: new Map(autoQa.map((r) => [r.agent_id as string, r])),
    };
    const prev = addMonths(period, -1);
    const windowMonths = Array.from({ length: policy.deductions.windowMonths - 1 }, (_, i) => addMonths(period, -(i + 1)));
    return {
      period,
      agents: agents.map((ag): AgentMonthInput => {
        const id = ag.agent_id as string;
        const hist: PastMonth[] = (byAgent.history.get(id) ?? [])
          .map((h) => ({
            period: h.period as string, appraised: h.appraised as boolean, total: h.total_h as number | null, rank: h.rank as number | null,
            deductionPoints: h.points as number, levelBefore: h.level_before as Level, levelAfter: h.level_after as Level,
          }))
          .sort((a, b) => b.period.localeCompare(a.period));
        const windowHolds = (byAgent.windowHolds.get(id) ?? []).map((r) => ({ ...legRef(r), period: periodOfInstant(iso(r.offered_at), zone) }));
        const windowRecords = (byAgent.windowRecords.get(id) ?? []).map(toRecord).map((r) => ({ ...r, period: periodOfInstant(r.occurredAt, zone) }));
        const windowDays = new Map((byAgent.windowDays.get(id) ?? []).map((r) => [r.period as string, r.notable as DayInput[]]));
        return {
          agentId: id,
          name: ag.name as string,
          team: ag.team as string,
          role: ag.role as AgentRole,
          supervisorId: (ag.supervisor_id as string | null) ?? null,
          levelHeld: levelHeld(ag.level as Level, hist.find((h) => h.period === prev), byAgent.hrLevels.get(id)),
          calls: this.tally(byAgent.tallies.get(id), byAgent.violations.get(id), byAgent.holds.get(id), byAgent.priorRing.get(id)),
          ...this.autoQa(byAgent.autoQa.get(id)),
          evaluations: (byAgent.evals.get(id) ?? []).map((e) => ({ evaluationId: e.evaluation_id as string, percent: e.percent as number, criticalFail: e.critical_fail as boolean })),
          appraisal: this.appraisal(byAgent.appraisals.get(id), period),
          days: ((byAgent.days.get(id)?.notable as DayInput[] | null) ?? []),
          rosteredDays: (byAgent.days.get(id)?.rostered as number) ?? 0,
          plainWorkedDays: (byAgent.days.get(id)?.plain_worked as number) ?? 0,
          awayDays: (byAgent.away.get(id) ?? []).map((r) => ({ date: r.date as string, halfDay: r.half as boolean, bridgedFrom: (r.bridged_from as string | null) ?? null })),
          windowFacts: windowMonths.map((p) => ({
            period: p,
            days: windowDays.get(p) ?? [],
            longHolds: windowHolds.filter((l) => l.period === p),
            records: windowRecords.filter((r) => r.period === p),
          })),
          records: (byAgent.records.get(id) ?? []).map(toRecord),
          priorPenalties: (byAgent.penalties.get(id) ?? []).map((p) => ({ code: p.code as string, occurredAt: iso(p.occurred_at) })),
          validComplaints: (byAgent.complaints.get(id) ?? []).map((c) => ({ complaintId: c.complaint_id as string, receivedAt: iso(c.received_at), category: (c.category as string | null) ?? null })),
          history: hist,
        };
      }),
    };
  }

  private tally(t: Row | undefined, violations: Row[] = [], holds: Row[] = [], priorRing: string | undefined): CallTally {
    const ref = legRef;
    const base = emptyCallTally();
    if (!t) return { ...base, ringViolations: violations.map(ref), longHolds: holds.map(ref), priorRingViolationAt: priorRing ?? null };
    return {
      offered: t.offered as number, answered: t.answered as number, missed: t.missed as number,
      ringMsAnswered: Number(t.ring), talkMs: Number(t.talk), holdMs: Number(t.hold), wrapUpMs: Number(t.wrap),
      mosSum: Number(t.mos_sum), mosCount: t.mos_count as number, poorQuality: t.poor as number, rated: t.rated as number, goodRated: t.good as number,
      ringViolations: violations.map(ref), longHolds: holds.map(ref), priorRingViolationAt: priorRing ?? null,
    };
  }

  private autoQa(r: Row | undefined): { autoQa?: AutoQaTally } {
    if (!r) return {};
    return {
      autoQa: {
        callIds: r.call_ids as string[], scriptChecks: r.script_checks as number, scriptPassed: r.script_passed as number,
        forbiddenPhrases: r.forbidden as number, complaintRiskCalls: r.risk as number,
      },
    };
  }

  private appraisal(r: Row | undefined, period: string): AppraisalInput | null {
    if (!r) return null;
    return {
      id: r.event_id as string, period: r.period as string, sections: r.sections as Record<string, number>, total: r.total as number,
      anyItemZero: r.any_item_zero as boolean, carriedOver: r.period !== period,
    };
  }

  async autoQaCallIds(agentId: string, period: string, policy: ScoringPolicy, page: { after?: CallLegKey; limit: number }): Promise<{ total: number; rows: CallLegRow[] }> {
    const { from, to } = periodWindow(period, policy.timeZone);
    const where = `agent_id = $1 AND ${AUTO_AT} >= $2 AND ${AUTO_AT} < $3`;
    const [{ n: total }] = await this.q<{ n: number }>(`SELECT count(*)::int AS n FROM scoring.auto_evaluation WHERE ${where}`, [agentId, from, to]);
    // The same key shape as the legs' (one row per call: leg 0), so the cursor is the same.
    const rows = await this.q<{ call_id: string; at: string }>(
      `SELECT call_id, (extract(epoch FROM ${AUTO_AT}) * 1000000)::bigint::text AS at FROM scoring.auto_evaluation
       WHERE ${where} AND ($4::bigint IS NULL OR (${AUTO_AT}, call_id) > ('epoch'::timestamptz + $4::bigint * interval '1 microsecond', $5::text))
       ORDER BY ${AUTO_AT}, call_id LIMIT $6`,
      [agentId, from, to, page.after?.[0] ?? null, page.after?.[1] ?? null, page.limit],
    );
    return { total, rows: rows.map((r) => ({ callId: r.call_id, key: [Number(r.at), r.call_id, 0] })) };
  }

  async callIds(agentId: string, period: string, predicate: string, policy: ScoringPolicy, page: { after?: CallLegKey; limit: number }): Promise<{ total: number; rows: CallLegRow[] }> {
    const { from, to } = periodWindow(period, policy.timeZone);
    const where = `agent_id = $1 AND offered_at >= $2 AND offered_at < $3 AND ${predicate}`;
    const [{ n: total }] = await this.q<{ n: number }>(`SELECT count(*)::int AS n FROM scoring.call_leg WHERE ${where}`, [agentId, from, to]);
    // The key in whole microseconds, compared exactly ('epoch' + n µs): a float of seconds would round.
    const rows = await this.q<{ call_id: string; at: string; leg_no: number }>(
      `SELECT call_id, leg_no, (extract(epoch FROM offered_at) * 1000000)::bigint::text AS at FROM scoring.call_leg
       WHERE ${where} AND ($4::bigint IS NULL OR (offered_at, call_id, leg_no) > ('epoch'::timestamptz + $4::bigint * interval '1 microsecond', $5::text, $6::int))
       ORDER BY offered_at, call_id, leg_no LIMIT $7`,
      [agentId, from, to, page.after?.[0] ?? null, page.after?.[1] ?? null, page.after?.[2] ?? null, page.limit],
    );
    return { total, rows: rows.map((r) => ({ callId: r.call_id, key: [Number(r.at), r.call_id, r.leg_no] })) };
  }
}
