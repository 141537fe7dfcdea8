import { clamp, divHalfUp, fromCents, sum, toCents } from '../numbers';
import type { ComponentDef, ScoringPolicy } from '../policy/scoring-policy';
import { recordPoints } from './deductions';
import type { AgentMonthInput } from './month-inputs';

/** What a component may draw on, worked out once per agent and month. */
export interface ComponentContext {
  input: AgentMonthInput;
  /** The month's deduction points (HR) and the inputs they came from. */
  monthPoints: number;
  deductionInputIds: string[];
  policy: ScoringPolicy;
  /** A supervisor's team this month (team-satisfaction). */
  team?: TeamTally;
}

/** What a supervisor's team did in the month: its members and their ratings. */
export interface TeamTally {
  memberIds: string[];
  rated: number;
  goodRated: number;
}

export interface ComponentResult {
  /** Hundredths. */
  score: number;
  inputIds: string[];
  reason: string;
  flags: string[];
}

const pts = (h: number) => fromCents(h).toFixed(2);

/** Satisfaction = good-rating rate × weight; below the minimum rate 0; no ratings: full marks, flagged. */
function goodRate(rated: number, goodRated: number, minPct: number, maxH: number, whose: { zh: string; en: string }, inputIds: string[]): ComponentResult {
  if (rated === 0) return { score: maxH, inputIds, reason: `${whose.zh}本月无评价, 按满分 / ${whose.en}no ratings this month: full marks`, flags: ['NO_RATINGS'] };
  const below = goodRated * 100 < minPct * rated;
  const rate = fromCents(divHalfUp(goodRated * 10_000, rated));
  const score = below ? 0 : divHalfUp(maxH * goodRated, rated);
  const tailZh = below ? `, 低于 ${minPct}% 得 0` : '';
  const tailEn = below ? `, below ${minPct}%: 0` : '';
  return { score, inputIds, reason: `${whose.zh}好评率 ${rate}% (${goodRated}/${rated})${tailZh} / ${whose.en}good rate ${rate}% (${goodRated} of ${rated})${tailEn}`, flags: [] };
}

/** One component's score in hundredths, with its inputs and a bilingual reason line. */
export function scoreComponent(def: ComponentDef, ctx: ComponentContext): ComponentResult {
  const maxH = toCents(def.max);
  const a = ctx.input;
  const src = def.source;
  switch (src.kind) {
    case 'appraisal-section':
    case 'appraisal-total': {
      if (!a.appraisal) return { score: 0, inputIds: [], reason: `未提交月度考核 / no monthly appraisal`, flags: ['APPRAISAL_MISSING'] };
      const given = src.kind === 'appraisal-total' ? a.appraisal.total : (a.appraisal.sections[src.section] ?? 0);
      const score = clamp(divHalfUp(maxH * toCents(given), toCents(src.outOf)), 0, maxH);
      const carried = a.appraisal.carriedOver ? ` (沿用 ${a.appraisal.period} / carried over from ${a.appraisal.period})` : '';
      return {
        score,
        inputIds: [a.appraisal.id],
        reason: `${def.labelZh} ${given}/${src.outOf} / ${def.labelEn} ${given} of ${src.outOf}${carried}`,
        flags: a.appraisal.carriedOver ? ['APPRAISAL_CARRIED_OVER'] : [],
      };
    }
    case 'qa-average': {
      const evals = a.evaluations;
      if (evals.length === 0) return { score: maxH, inputIds: [], reason: `本月无质检, 按满分 / no QA evaluations this month: full marks`, flags: ['NO_QA_EVALUATIONS'] };
      const pctH = sum(evals.map((e) => toCents(e.percent)));
      const score = clamp(divHalfUp(maxH * pctH, evals.length * 10_000), 0, maxH);
      const avg = fromCents(divHalfUp(pctH, evals.length));
      return { score, inputIds: evals.map((e) => e.evaluationId), reason: `质检平均 ${avg}% × ${def.max} / QA average ${avg}% × ${def.max}`, flags: [] };
    }
    case 'knowledge': {
      // 專業知識或工作流程不熟練導致的投訴或失誤: complaints of the listed categories, and records of such errors.
      const cats = src.complaintCategories;
      const complaints = a.validComplaints.filter((c) => !cats || (c.category != null && cats.includes(c.category)));
      const errors = a.records.filter((r) => r.scorecardPart === 'knowledge');
      const lostH = complaints.length * toCents(src.perValidComplaint) + sum(errors.map((r) => Math.abs(toCents(recordPoints(r, ctx.policy)))));
      const which = cats ? ` (${cats.join('/')})` : '';
      return {
        score: Math.max(0, maxH - lostH),
        inputIds: [...complaints.map((c) => c.complaintId), ...errors.map((r) => r.recordId)],
        reason: `知识类有效投诉 ${complaints.length} 次${which}, 失误记录 ${errors.length} 条, 共 −${pts(lostH)} / ${complaints.length} valid complaint(s)${which} and ${errors.length} error record(s), −${pts(lostH)}`,
        flags: [],
      };
    }
    case 'satisfaction': {
      const { rated, goodRated } = a.calls;
      return goodRate(rated, goodRated, src.minGoodRatePct, maxH, { zh: '', en: '' }, []);
    }
    case 'team-satisfaction': {
      const t = ctx.team ?? { memberIds: [], rated: 0, goodRated: 0 };
      return goodRate(t.rated, t.goodRated, src.minGoodRatePct, maxH, { zh: `团队 ${t.memberIds.length} 人, `, en: `team of ${t.memberIds.length}, ` }, t.memberIds);
    }
    case 'hr': {
      const score = Math.max(0, maxH - toCents(ctx.monthPoints));
      return { score, inputIds: ctx.deductionInputIds, reason: `扣分 ${ctx.monthPoints} / ${ctx.monthPoints} deduction point(s)`, flags: [] };
    }
    case 'workload': {
      const score = clamp(divHalfUp(maxH * a.calls.answered, Math.max(1, src.targetAnswered)), 0, maxH);
      return { score, inputIds: [], reason: `接听 ${a.calls.answered}/${src.targetAnswered} / answered ${a.calls.answered} of ${src.targetAnswered}`, flags: [] };
    }
    case 'record-part': {
      const records = a.records.filter((r) => r.scorecardPart === src.part);
      const lost = sum(records.map((r) => Math.abs(toCents(recordPoints(r, ctx.policy)))));
      const score = Math.max(0, maxH - lost);
      return { score, inputIds: records.map((r) => r.recordId), reason: `${def.labelZh} −${pts(lost)} / ${def.labelEn} −${pts(lost)} (${records.length} record(s))`, flags: [] };
    }
  }
}
