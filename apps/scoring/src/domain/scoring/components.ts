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
}

export interface ComponentResult {
  /** Hundredths. */
  score: number;
  inputIds: string[];
  reason: string;
  flags: string[];
}

const pts = (h: number) => fromCents(h).toFixed(2);

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
      const n = a.validComplaints.length;
      const score = Math.max(0, maxH - n * toCents(src.perValidComplaint));
      return { score, inputIds: a.validComplaints.map((c) => c.complaintId), reason: `有效投诉 ${n} 次, 每次 −${src.perValidComplaint} / ${n} valid complaint(s), −${src.perValidComplaint} each`, flags: [] };
    }
    case 'satisfaction': {
      const { rated, goodRated } = a.calls;
      if (rated === 0) return { score: maxH, inputIds: [], reason: `本月无评价, 按满分 / no ratings this month: full marks`, flags: ['NO_RATINGS'] };
      const below = goodRated * 100 < src.minGoodRatePct * rated;
      const rate = fromCents(divHalfUp(goodRated * 10_000, rated));
      const score = below ? 0 : divHalfUp(maxH * goodRated, rated);
      const tail = below ? `, 低于 ${src.minGoodRatePct}% 得 0 / below ${src.minGoodRatePct}%: 0` : '';
      return { score, inputIds: [], reason: `好评率 ${rate}% (${goodRated}/${rated}) / good rate ${rate}% (${goodRated} of ${rated})${tail}`, flags: [] };
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
