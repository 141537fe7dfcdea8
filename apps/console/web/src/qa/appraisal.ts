import type { FormItem, FormVersion } from './form-types';

/** The band an appraisal item's points fall in (rules.md §6: e.g. initiative 8–15 good, ≤7 poor). */
export function bandOf(item: FormItem, points: number | undefined): 'good' | 'poor' | null {
  if (points === undefined || !item.bands) return null;
  if (points >= item.bands.good.min && points <= item.bands.good.max) return 'good';
  if (points >= item.bands.poor.min && points <= item.bands.poor.max) return 'poor';
  return null;
}

/** Problems before sending: every item scored, each within 0..max. Keys are `scores.<itemId>`. */
export function checkAppraisal(form: FormVersion, scores: Record<string, number | undefined>): Record<string, 'required' | 'range'> {
  const out: Record<string, 'required' | 'range'> = {};
  for (const s of form.sections) for (const i of s.items) {
    const v = scores[i.itemId];
    if (v === undefined || v === null) out[`scores.${i.itemId}`] = 'required';
    else if (v < (i.minPoints ?? 0) || v > i.maxPoints || !Number.isInteger(v * 100)) out[`scores.${i.itemId}`] = 'range';
  }
  return out;
}

export function appraisalTotal(scores: Record<string, number | undefined>): number {
  return Object.values(scores).reduce<number>((a, b) => a + (b ?? 0), 0);
}

/**
 * Whose monthly appraisal each role files (qa-evaluation's who-appraises, issue 16): a supervisor the agents and
 * shift leads, the department head (`manager`) the supervisors and QA inspectors; nobody else files one.
 */
const APPRAISES: Readonly<Record<string, readonly string[]>> = { supervisor: ['agent', 'shift-lead'], manager: ['supervisor', 'qa'] };

export function appraisableRoles(role: string | null | undefined): readonly string[] {
  return (role && APPRAISES[role]) || [];
}
