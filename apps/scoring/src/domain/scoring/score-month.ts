import { clamp, fromCents, sum, toCents } from '../numbers';
import { addMonths, localDate, quarterOf } from '../period';
import type { ScorecardDef, ScoringPolicy } from '../policy/scoring-policy';
import { alertsFor } from './alert-rules';
import { tallyAttendance } from './attendance-tally';
import { scoreComponent } from './components';
import { deductionItems, monthDeductionFacts, recordPoints, windowPoints } from './deductions';
import { gradeOf } from './grade';
import { computeKpis } from './kpis';
import { decideLevel } from './level-decision';
import type { AgentMonthInput, MonthInputs } from './month-inputs';
import { calendarDaysAway, isAppraised } from './not-appraised';
import { payLines } from './pay-lines';
import { placingsOf, type Placing, type ScorecardKey, type Standing } from './standing';
import type { Adjustment, ComponentScore, LevelDecision, Scorecard } from './scorecard';
import { inTeamOf, teamOf } from './team';

export type { ScorecardKey } from './standing';
const ROLE_CARDS: Array<{ key: Exclude<ScorecardKey, 'agent'>; roles: string[] }> = [
  { key: 'shift-lead', roles: ['shift-lead'] },
  { key: 'supervisor', roles: ['supervisor', 'qa'] },
];

/**
 * Which scorecard a person is scored by: a role's own card when the policy has one; agents and shift leads
 * otherwise by the agent card; supervisors and QA inspectors only when the policy has their card (null: not scored).
 */
export function scorecardKey(role: string, policy: ScoringPolicy): ScorecardKey | null {
  for (const { key, roles } of ROLE_CARDS) {
    const card = policy.scorecards[key];
    if (card && (card.roles ?? roles).includes(role)) return key;
  }
  return role === 'supervisor' || role === 'qa' ? null : 'agent';
}

/** Consecutive months ending this one at appraisal rank 1. */
function rank1Streak(a: AgentMonthInput, period: string, rank: number | null): number {
  if (rank !== 1) return 0;
  let streak = 1;
  for (let i = 1; ; i++) {
    const h = a.history.find((m) => m.period === addMonths(period, -i));
    if (!h || h.rank !== 1) return streak;
    streak++;
  }
}

/**
 * 季度内有过一次降级处理,本季度不能参加岗位晋升. A change decided at a month's close takes effect the next month (次月):
 * a promotion decided now is barred when a demotion took effect in the quarter this promotion would take effect in.
 */
function demotionBarsPromotion(a: AgentMonthInput, period: string, policy: ScoringPolicy): boolean {
  const order = policy.levels.order;
  const effective = quarterOf(addMonths(period, 1));
  return a.history.some(
    (h) => h.period < period && order.indexOf(h.levelAfter) < order.indexOf(h.levelBefore) && quarterOf(addMonths(h.period, 1)) === effective,
  );
}

const NO_LEVELS = (a: AgentMonthInput): LevelDecision => ({
  levelBefore: a.levelHeld, levelAfter: a.levelHeld, change: 'kept', rule: null, reason: `此记分卡不设星级 / no star levels on this scorecard`,
});

/** What every card of a month shares: the policy's view of who is scored, by which card, with whom. */
interface MonthContext {
  inputs: MonthInputs;
  policy: ScoringPolicy;
  period: string;
  scored: Array<{ a: AgentMonthInput; key: ScorecardKey; card: ScorecardDef }>;
  isTeamMember: (p: AgentMonthInput) => boolean;
  /** Record categories that bar the awards. */
  barring: ReadonlySet<string>;
}

function monthContext(inputs: MonthInputs, policy: ScoringPolicy): MonthContext {
  const scored = inputs.agents.flatMap((a) => {
    const key = scorecardKey(a.role, policy);
    return key ? [{ a, key, card: policy.scorecards[key] as ScorecardDef }] : [];
  });
  const isTeamMember = (p: AgentMonthInput) => isTeamMemberCard(scorecardKey(p.role, policy));
  return { inputs, policy, period: inputs.period, scored, isTeamMember, barring: new Set(policy.pay.awardBarringCategories) };
}

/** Who counts in a lead's team: the people scored by a card other than the supervisor card. */
const isTeamMemberCard = (key: ScorecardKey | null): boolean => key !== null && key !== 'supervisor';

type Draft = ReturnType<typeof draftOf>;

/** One person's card up to its total: everything that does not depend on anyone else's total. */
function draftOf(m: MonthContext, { a, key, card }: MonthContext['scored'][number]) {
  const { period, policy, barring } = m;
  const zone = policy.timeZone;
  const attendance = tallyAttendance(a.days, a.plainWorkedDays);
  const items = deductionItems(monthDeductionFacts(a, period), policy);
  const monthPoints = sum(items.map((i) => i.points));
  const points = { month: monthPoints, window: windowPoints(a, monthPoints, period, policy) };
  const away = calendarDaysAway(a.awayDays);
  const appraised = isAppraised(away, policy);
  const team = key === 'supervisor' ? teamOf(a, m.inputs.agents, m.isTeamMember) : undefined;
  const flags = new Set<string>();
  const components: ComponentScore[] = card.components.map((def) => {
    const r = scoreComponent(def, { input: a, monthPoints, deductionInputIds: items.flatMap((i) => i.inputIds), policy, team });
    r.flags.forEach((f) => flags.add(f));
    return { id: def.id, labelZh: def.labelZh, labelEn: def.labelEn, max: def.max, score: r.score, inputIds: r.inputIds, reason: r.reason };
  });
  const adjustments: Adjustment[] = a.records
    .filter((r) => r.kind === 'adjustment' && !r.scorecardPart)
    .map((r) => {
      const p = recordPoints(r, policy);
      return { code: r.code, points: p, inputIds: [r.recordId], reason: `${r.labelZh} ${p > 0 ? '+' : ''}${p} / ${r.labelEn}, ${localDate(r.occurredAt, zone)}` };
    });
  if (team && team.validComplaints.length > 0) {
    // 直接責任者和部門主管要按照有關規定進行處罰 (HANDBOOK): the department supervisor answers for each valid team complaint.
    const per = policy.teamAdjustments.supervisorPerValidTeamComplaint;
    const n = team.validComplaints.length;
    adjustments.push({
      code: 'TEAM_VALID_COMPLAINTS', points: -per * n, inputIds: team.validComplaints.map((c) => c.complaintId),
      reason: `团队有效投诉 ${n} 次 × −${per} / ${n} valid complaint(s) against the team × −${per}`,
    });
  }
  const rawH = sum(components.map((c) => c.score)) + sum(adjustments.map((x) => toCents(x.points)));
  const totalH = appraised ? clamp(rawH, 0, toCents(policy.totalMax)) : null;
  if (!appraised) flags.add('NOT_APPRAISED');
  // 没有出现服务不规范和投诉事宜才列入评选: a valid complaint, a computed phone fault, or a record of a service category.
  const barredBy = [
    ...a.validComplaints.map((c) => c.complaintId),
    ...(policy.pay.ringViolationDisqualifiesAward ? a.calls.ringViolations.map((l) => l.callId) : []),
    ...(policy.pay.longHoldDisqualifiesAward ? a.calls.longHolds.map((l) => l.callId) : []),
    ...a.records.filter((r) => (r.kind === 'penalty' || r.kind === 'points') && r.category != null && barring.has(r.category)).map((r) => r.recordId),
  ];
  if (totalH !== null && barredBy.length > 0) flags.add('AWARD_BARRED');
  const itemZero = new Set(policy.levels.itemZeroComponents);
  const anyItemZero = (a.appraisal?.anyItemZero ?? false) || components.some((c) => itemZero.has(c.id) && c.score === 0);
  return { a, key, card, attendance, items, points, appraised, components, adjustments, totalH, barredBy, eligible: totalH !== null && barredBy.length === 0, flags, away, anyItemZero };
}

const standingOf = (d: Draft): Standing => ({
  agentId: d.a.agentId, team: d.a.team, supervisorId: d.a.supervisorId ?? null, scorecard: d.key, totalH: d.totalH, awardEligible: d.eligible,
  appraisalMissing: needsAppraisal(d.appraised, d.flags),
});

/** A card whose appraisal is due and missing: a close without `force` refuses while there is one. */
export function needsAppraisal(appraised: boolean, flags: Iterable<string>): boolean {
  return appraised && [...flags].includes('APPRAISAL_MISSING');
}

/**
 * Where every scored person of the month stands (total, award eligibility), in the order of `inputs.agents`: what
 * one card needs of everyone else's (its ranks), without building their cards.
 */
export function standingsOf(inputs: MonthInputs, policy: ScoringPolicy): Standing[] {
  const m = monthContext(inputs, policy);
  return m.scored.map((s) => standingOf(draftOf(m, s)));
}

/**
 * The people whose facts a card reads beside its own person's: a supervisor card's team (team.ts), none for the
 * others. A page of cards loads its people and these, never the whole month.
 */
export function peopleReadBy(lead: Standing, standings: readonly Standing[]): string[] {
  if (lead.scorecard !== 'supervisor') return [];
  return standings.filter((p) => isTeamMemberCard(p.scorecard) && inTeamOf(lead, p)).map((p) => p.agentId);
}

export interface ScoreMonthOptions {
  /** Build the cards of these people only (a page); the others still count in the ranks unless `placings` are given. */
  only?: ReadonlySet<string>;
  /** Ranks worked out earlier over the whole month (`placingsOf(standingsOf(...))`): `inputs` may then hold only `only` and their teams. */
  placings?: ReadonlyMap<string, Placing>;
}

const UNPLACED: Placing = { rank: null, awardRank: null };

/**
 * The month's scorecards under a policy: KPIs, components, total, grade, ranks, level decision, pay lines,
 * deductions, flags and alerts, every figure with its inputs and a reason line. The one code path of provisional
 * scorecards, close, recalculation and what-if. With `only`, the cards of those people alone (a page), ranked among
 * everyone: from `placings` when given, else from every person's standing in `inputs`.
 */
export function scoreMonth(inputs: MonthInputs, policy: ScoringPolicy, policyVersion: string, options: ScoreMonthOptions = {}): Scorecard[] {
  const m = monthContext(inputs, policy);
  const { only } = options;
  const drafts = (only ? m.scored.filter((s) => only.has(s.a.agentId)) : m.scored).map((s) => draftOf(m, s));
  const placings =
    options.placings ?? placingsOf(only ? m.scored.map((s) => standingOf(draftOf(m, s))) : drafts.map(standingOf));
  return drafts.map((d) => finishCard(m, d, placings.get(d.a.agentId) ?? UNPLACED, policyVersion));
}

/** The rest of a card once its ranks are known: grade, level, pay lines, flags and alerts. */
function finishCard(m: MonthContext, d: Draft, place: Placing, policyVersion: string): Scorecard {
  const { period, policy } = m;
  const { a, totalH } = d;
  const grade = totalH === null ? null : gradeOf(totalH, policy);
  if (grade?.justificationRequired) d.flags.add('JUSTIFICATION_REQUIRED');
  const { rank, awardRank } = place;
  const streak = rank1Streak(a, period, rank);
  const payGrid = d.card.payGrid !== false;
  const level = payGrid
    ? decideLevel(
        { levelHeld: a.levelHeld, totalH, validComplaints: a.validComplaints.length, anyAppraisalItemZero: d.anyItemZero, demotedInQuarter: demotionBarsPromotion(a, period, policy) },
        policy.levels,
      )
    : NO_LEVELS(a);
  const lines = payGrid ? payLines({ input: a, levelHeld: a.levelHeld, attendance: d.attendance, appraised: d.appraised, awardRank, rank1Streak: streak, grade }, policy) : [];
  const rewardsFen = sum(lines.filter((l) => l.code === 'REWARD').map((l) => l.amount));
  const penaltiesFen = -sum(lines.filter((l) => ['PENALTY', 'RING_UNANSWERED', 'LOSS'].includes(l.code)).map((l) => l.amount));
  const dismissal = new Set(policy.pay.dismissalCodes);
  return {
    period,
    agentId: a.agentId,
    name: a.name,
    team: a.team,
    role: a.role,
    scorecard: d.key,
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
    awardRank,
    rank1Streak: streak,
    level,
    pay: { currency: 'CNY', lines: lines.map((l) => ({ ...l, amount: fromCents(l.amount) })), total: fromCents(sum(lines.map((l) => l.amount))) },
    flags: [...d.flags].sort(),
    alerts: alertsFor(
      {
        agentId: a.agentId, period, appraised: d.appraised, totalH, windowPoints: d.points.window, validComplaints: a.validComplaints.length, rank1Streak: streak,
        history: a.history, dismissalRecords: a.records.filter((r) => dismissal.has(r.code)),
      },
      policy,
    ),
  };
}
