/**
 * The machine against the evaluators (`GET /v1/auto-evaluations/agreement?from=&to=`): per form item the machine
 * answers, how often the evaluators of the same calls gave the same answer, Cohen's kappa, and the calls where
 * they differ.
 */
export type { AgreementReport, Disagreement, ItemAgreement } from '@app/contracts/qa/agreement';

/**
 * How far to trust the machine on an item, by the usual reading of kappa (Landis & Koch 1977): below 0 poor,
 * to 0.20 slight, 0.40 fair, 0.60 moderate, 0.80 substantial, above that almost perfect. Null when kappa is
 * undefined (nothing compared, or both always gave the same one answer).
 */
export type KappaBand = 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almost-perfect';

export function kappaBand(kappa: number | null | undefined): KappaBand | null {
  if (kappa === null || kappa === undefined || Number.isNaN(kappa)) return null;
  if (kappa < 0) return 'poor';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost-perfect';
}

export const KAPPA_COLOR: Record<KappaBand, string> = {
  poor: 'red', slight: 'red', fair: 'orange', moderate: 'gold', substantial: 'green', 'almost-perfect': 'green',
};

/** An answer as a person reads it: yes / no / N/A in their language, points as the number. */
export function answerText(value: unknown, words: { yes: string; no: string; na: string }): string {
  if (value === true) return words.yes;
  if (value === false) return words.no;
  if (value === 'na') return words.na;
  if (value === null || value === undefined) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The window the page opens on: this month so far, as dates (`to` exclusive: tomorrow). */
export function monthSoFar(today: string): { from: string; to: string } {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return { from: `${today.slice(0, 7)}-01`, to: d.toISOString().slice(0, 10) };
}
