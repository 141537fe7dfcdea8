import type { AnswerValue, FormVersion } from './form-types';

export interface LiveSection {
  sectionId: string;
  score: number;
  maxScore: number;
  failed: boolean;
  /** Every item N/A: the section leaves the evaluation, weight included. */
  excluded: boolean;
}

export interface LiveScore {
  score: number;
  maxScore: number;
  percent: number;
  criticalFail: boolean;
  sections: LiveSection[];
  /** Items still without an answer (the form cannot be sent until there are none). */
  unanswered: string[];
}

/**
 * The score as the QA inspector fills the form in, by the server's rules (the server's figure is
 * the one that counts and is shown after submitting): N/A takes an item out of the maximum; a
 * fail-all critical answered "no" zeroes the whole form; a fail-section critical zeroes its section
 * out of its full points; a weighted section gives earned / available × weight.
 */
export function liveScore(form: FormVersion, answers: Record<string, AnswerValue | undefined>): LiveScore {
  const unanswered = form.sections.flatMap((s) => s.items.filter((i) => answers[i.itemId] === undefined).map((i) => i.itemId));
  const failedCritically = (effect: 'fail-all' | 'fail-section', itemIds: string[]) =>
    form.sections.some((s) => s.items.some((i) => itemIds.includes(i.itemId) && i.critical === effect && answers[i.itemId] === false));
  const allIds = form.sections.flatMap((s) => s.items.map((i) => i.itemId));
  const criticalFail = failedCritically('fail-all', allIds);
  let total = 0;
  let maxTotal = 0;
  const sections = form.sections.map((section) => {
    const failed = criticalFail || failedCritically('fail-section', section.items.map((i) => i.itemId));
    const full = sum(section.items.map((i) => i.maxPoints));
    const scored = section.items.filter((i) => answers[i.itemId] !== 'na');
    const earned = failed ? 0 : sum(scored.map((i) => pointsOf(answers[i.itemId], i.maxPoints)));
    const available = failed ? full : sum(scored.map((i) => i.maxPoints));
    const excluded = available === 0;
    const max = excluded ? 0 : (section.weight ?? available);
    const share = excluded ? 0 : section.weight === undefined ? earned : (earned / available) * section.weight;
    total += share;
    maxTotal += max;
    return { sectionId: section.sectionId, score: round2(share), maxScore: round2(max), failed, excluded };
  });
  return {
    score: round2(total),
    maxScore: round2(maxTotal),
    percent: maxTotal === 0 ? 0 : round2((total / maxTotal) * 100),
    criticalFail,
    sections,
    unanswered,
  };
}

function pointsOf(value: AnswerValue | undefined, maxPoints: number): number {
  if (typeof value === 'boolean') return value ? maxPoints : 0;
  return typeof value === 'number' ? value : 0;
}

/** Two decimals, half up (the product's default rounding, rules.md §11). */
export function round2(x: number): number {
  return Math.round((x + Number.EPSILON) * 100) / 100;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The answers as qa-evaluation takes them: `[{ itemId, value }]` in form order. */
export function answersForSubmit(form: FormVersion, answers: Record<string, AnswerValue | undefined>): Array<{ itemId: string; value: AnswerValue }> {
  return form.sections.flatMap((s) => s.items.filter((i) => answers[i.itemId] !== undefined).map((i) => ({ itemId: i.itemId, value: answers[i.itemId] as AnswerValue })));
}
