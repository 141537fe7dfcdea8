import { divHalfUp, fromCents, sum, toCents } from '../numbers';
import type { AttendanceTally } from './attendance-tally';
import type { AgentMonthInput, AutoQaTally } from './month-inputs';
import type { Kpi } from './scorecard';

const ratioPct = (n: number, d: number) => (d === 0 ? null : fromCents(divHalfUp(n * 10_000, d)));
const per = (n: number, d: number) => (d === 0 ? null : divHalfUp(n, d));

/** The call-id list behind the auto-QA KPIs: the calls checked (GET …/calls?kpi=autoQaChecked). */
export const AUTO_QA_CALLS = 'autoQaChecked';

/**
 * Issue 19's speech KPIs of an agent's month: calls checked, script checks passed per script check judged (%),
 * forbidden phrases per 100 checked calls; two decimals, half up; null without a denominator. Shown only: no
 * component or pay line reads them (the policy's `autoQa.countsInProfessionalism` is off and cannot be turned on yet).
 */
export function autoQaKpis(t: AutoQaTally | undefined): Record<string, Kpi> {
  const calls = t?.callIds.length ?? 0;
  return {
    autoQaCallsChecked: { value: calls, calls: AUTO_QA_CALLS },
    autoQaScriptAdherencePct: { value: ratioPct(t?.scriptPassed ?? 0, t?.scriptChecks ?? 0), calls: AUTO_QA_CALLS },
    autoQaForbiddenPer100Calls: { value: ratioPct(t?.forbiddenPhrases ?? 0, calls), calls: AUTO_QA_CALLS },
    autoQaComplaintRiskCalls: { value: t?.complaintRiskCalls ?? 0, calls: AUTO_QA_CALLS },
  };
}

export interface MoneyTally {
  rewardsFen: number;
  penaltiesFen: number;
}

/** The KPIs of issue 11, per agent and month; those counted over calls name their call list. */
export function computeKpis(a: AgentMonthInput, att: AttendanceTally, points: { month: number; window: number }, money: MoneyTally): Record<string, Kpi> {
  const c = a.calls;
  const handle = c.talkMs + c.holdMs + c.wrapUpMs;
  const evals = a.evaluations;
  return {
    offered: { value: c.offered, calls: 'offered' },
    answered: { value: c.answered, calls: 'answered' },
    missed: { value: c.missed, calls: 'missed' },
    answerRatePct: { value: ratioPct(c.answered, c.offered) },
    avgRingMs: { value: per(c.ringMsAnswered, c.answered) },
    ringViolations: { value: c.ringViolations.length, calls: 'ringViolations' },
    talkMs: { value: c.talkMs },
    avgTalkMs: { value: per(c.talkMs, c.answered) },
    holdMs: { value: c.holdMs },
    avgHoldMs: { value: per(c.holdMs, c.answered) },
    avgHandleMs: { value: per(handle, c.answered) },
    longHolds: { value: c.longHolds.length, calls: 'longHolds' },
    avgMos: { value: c.mosCount === 0 ? null : fromCents(divHalfUp(Math.round(c.mosSum * 100), c.mosCount)) },
    poorQuality: { value: c.poorQuality, calls: 'poorQuality' },
    rated: { value: c.rated, calls: 'rated' },
    goodRatePct: { value: ratioPct(c.goodRated, c.rated) },
    qaEvaluations: { value: evals.length },
    qaAveragePct: { value: evals.length === 0 ? null : fromCents(divHalfUp(sum(evals.map((e) => toCents(e.percent))), evals.length)) },
    qaCriticalFails: { value: evals.filter((e) => e.criticalFail).length },
    validComplaints: { value: a.validComplaints.length },
    rosteredDays: { value: a.rosteredDays },
    lateArrivals: { value: att.late.length },
    earlyLeaves: { value: att.early.length },
    absences: { value: att.absent.length },
    leaveDays: { value: att.leaveDays },
    fullAttendance: { value: att.fullAttendance ? 1 : 0 },
    deductionPoints: { value: points.month },
    deductionPointsWindow: { value: points.window },
    rewardsYuan: { value: fromCents(money.rewardsFen) },
    penaltiesYuan: { value: fromCents(money.penaltiesFen) },
    ...autoQaKpis(a.autoQa),
  };
}
