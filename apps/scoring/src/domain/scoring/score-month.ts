import { clamp, fromCents, sum, toCents } from '../numbers';
import { addMonths, localDate, quarterOf } from '../period';
import type { ScorecardDef, ScoringPolicy } from '../policy/scoring-policy';
import { alertsFor } from './alert-rules';
import { tallyAttendance } from './attendance-tally';
import { scoreComponent } from './components';
import { deductionItems, recordPoints, windowPoints } from './deductions';
import { gradeOf } from './grade';
import { computeKpis } from './kpis';
import { decideLevel } from './level-decision';
import type { AgentMonthInput, MonthInputs } from './month-inputs';
import { payLines } from './pay-lines';
import { competitionRanks } from './ranking';
import type { Adjustment, ComponentScore, Scorecard } from './scorecard';

/** Which scorecard an agent is scored by: a role's own card when the policy has one. */
export function scorecardKey(role: string, policy: ScoringPolicy): 'agent' | 'shift-lead' {
  return role === 'shift-lead' && policy.scorecards['shift-lead'] ? 'shift-lead' : 'agent';
}

function cardOf(role: string, policy: ScoringPolicy): ScorecardDef {
  return policy.scorecards[scorecardKey(role, policy)]!;
}

/** Consecutive months ending this one in which the agent ranked 1. */
function rank1Streak(a: AgentMonthInput, period: string, rank: number | null): number {
  if (rank !== 1) return 0;
  let streak = 1;
  for (let i = 1; ; i++) {
    const h = a.history.find((m) => m.period === addMonths(period, -i));
    if (!h || h.rank !== 1) return streak;
    streak++;
  }
}

function demotedInQuarter(a: AgentMonthInput, period: string, policy: ScoringPolicy): boolean {
  const order = policy.levels.order;
  return a.history.some((h) => h.period < period && quarterOf(h.period) === quarterOf(period) && order.indexOf(h.levelAfter) < order.indexOf(h.levelBefore));
}

/**
 * The month's scorecards under a policy: KPIs, components, total, grade, rank, level decision, pay
 * lines, deductions, flags and alerts, every figure with its inputs and a reason line. The one code
 * path of provisional scorecards, close, recalculation and what-if.
 */
export function scoreMonth(inputs: MonthInputs, policy: ScoringPolicy, policyVersion: string): Scorecard[] {
  const { period } = inputs;
  const monthsBefore = Array.from({ length: 24 }, (_, i) => addMonths(period, -(i + 1)));
  const zone = policy.timeZone;

  const drafts = inputs.agents.map((a) => {
    const attendance = tallyAttendance(a.days, a.rosteredDays, policy);
    const items = deductionItems(a, attendance, policy);
    const monthPoints = sum(items.map((i) => i.points));
    const points = { month: monthPoints, window: windowPoints(a, monthPoints, policy, monthsBefore) };
    const away = a.awayDaysBefore + attendance.awayDays;
    const appraised = away <= policy.notAppraised.maxAwayDays;
    const flags = new Set<string>();
    const components: ComponentScore[] = cardOf(a.role, policy).components.map((def) => {
      const r = scoreComponent(def, { input: a, monthPoints, deductionInputIds: items.flatMap((i) => i.inputIds), policy });
      r.flags.forEach((f) => flags.add(f));
      return { id: def.id, labelZh: def.labelZh, labelEn: def.labelEn, max: def.max, score: r.score, inputIds: r.inputIds, reason: r.reason };
    });
    const adjustments: Adjustment[] = a.records
      .filter((r) => r.kind === 'adjustment' && !r.scorecardPart)
      .map((r) => {
        const p = recordPoints(r, policy);
        return { code: r.code, points: p, inputIds: [r.recordId], reason: `${r.labelZh} ${p > 0 ? '+' : ''}${p} / ${r.labelEn}, ${localDate(r.occurredAt, zone)}` };
      });
    const rawH = sum(components.map((c) => c.score)) + sum(adjustments.map((x) => toCents(x.points)));
    const totalH = appraised ? clamp(rawH, 0, toCents(policy.totalMax)) : null;
    if (!appraised) flags.add('NOT_APPRAISED');
    const ignore = new Set(policy.pay.awardIgnoresCodes);
    const irregular =
      a.validComplaints.length > 0 ||
      a.records.some((r) => r.kind === 'penalty' && !ignore.has(r.code)) ||
      (policy.pay.ringViolationDisqualifiesAward && a.calls.ringViolations.length > 0);
    return { a, attendance, items, points, appraised, components, adjustments, totalH, eligible: totalH !== null && !irregular, flags, away };
  });

  const ranks = new Map<string, number>();
  for (const key of ['agent', 'shift-lead'] as const) {
    const group = new Map(drafts.filter((d) => d.eligible && scorecardKey(d.a.role, policy) === key).map((d) => [d.a.agentId, d.totalH!]));
    competitionRanks(group).forEach((r, id) => ranks.set(id, r));
  }

  return drafts.map((d): Scorecard => {
    const { a, totalH } = d;
    const grade = totalH === null ? null : gradeOf(totalH, policy);
    if (grade?.justificationRequired) d.flags.add('JUSTIFICATION_REQUIRED');
    const rank = ranks.get(a.agentId) ?? null;
    const streak = rank1Streak(a, period, rank);
    const level = decideLevel(
      {
        levelHeld: a.levelHeld,
        totalH,
        validComplaints: a.validComplaints.length,
        anyAppraisalItemZero: a.appraisal?.anyItemZero ?? false,
        demotedInQuarter: demotedInQuarter(a, period, policy),
      },
      policy.levels,
    );
    const lines = payLines({ input: a, levelHeld: a.levelHeld, attendance: d.attendance, appraised: d.appraised, rank, rank1Streak: streak, grade }, policy);
    const rewardsFen = sum(lines.filter((l) => l.code === 'REWARD').map((l) => l.amount));
    const penaltiesFen = -sum(lines.filter((l) => ['PENALTY', 'RING_UNANSWERED', 'LOSS'].includes(l.code)).map((l) => l.amount));
    return {
      period,
      agentId: a.agentId,
      name: a.name,
      team: a.team,
      role: a.role,
      policyVersion,
      appraised: d.appraised,
      kpis: { ...computeKpis(a, d.attendance, d.points, { rewardsFen, penaltiesFen }), awayDaysWindow: { value: d.away } },
      components: d.components.map((c) => ({ ...c, score: fromCents(c.score) })),
      adjustments: d.adjustments,
      deductions: { items: d.items, monthPoints: d.points.month, windowPoints: d.points.window },
      total: totalH === null ? null : fromCents(totalH),
      grade: grade?.code ?? null,
      gradeLabel: grade ? `${grade.labelZh} / ${grade.labelEn}` : null,
      justificationRequired: grade?.justificationRequired ?? false,
      rank,
      rank1Streak: streak,
      level,
      pay: { currency: 'CNY', lines: lines.map((l) => ({ ...l, amount: fromCents(l.amount) })), total: fromCents(sum(lines.map((l) => l.amount))) },
      flags: [...d.flags].sort(),
      alerts: alertsFor(
        { agentId: a.agentId, period, appraised: d.appraised, totalH, windowPoints: d.points.window, validComplaints: a.validComplaints.length, rank1Streak: streak, history: a.history },
        policy,
      ),
    };
  });
}
