import { scoreForm, type Answer } from '@app/contracts/qa/score-form';
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
 * The score as the QA inspector fills the form in, computed by qa-evaluation's own `scoreForm`
 * (integer hundredths, exact fractions, one half-up rounding), so the figure shown before submitting
 * is the one the server stores. A float copy here once drifted by a hundredth on weighted thirds.
 */
export function liveScore(form: FormVersion, answers: Record<string, AnswerValue | undefined>): LiveScore {
  const unanswered = form.sections.flatMap((s) => s.items.filter((i) => answers[i.itemId] === undefined).map((i) => i.itemId));
  // The server reads a missing answer as N/A, which would show 100 % after one good answer; while
  // filling in, an unanswered item counts 0 of its points instead (and fails no critical: only "no" does).
  const sent: Answer[] = form.sections.flatMap((s) => s.items.map((i) => ({ itemId: i.itemId, value: answers[i.itemId] ?? 0 })));
  const scored = scoreForm({ ...form, purpose: form.purpose ?? 'call' }, sent);
  return {
    score: scored.score,
    maxScore: scored.maxScore,
    percent: scored.percent,
    criticalFail: scored.criticalFail,
    sections: scored.sections.map((s) => ({ sectionId: s.sectionId, score: s.score, maxScore: s.maxScore, failed: s.failed, excluded: s.available === 0 })),
    unanswered,
  };
}

/** The answers as qa-evaluation takes them: `[{ itemId, value }]` in form order. */
export function answersForSubmit(form: FormVersion, answers: Record<string, AnswerValue | undefined>): Answer[] {
  return form.sections.flatMap((s) => s.items.filter((i) => answers[i.itemId] !== undefined).map((i) => ({ itemId: i.itemId, value: answers[i.itemId] as AnswerValue })));
}
