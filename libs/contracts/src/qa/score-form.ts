import { allItems, type Answer, type AnswerValue, type FormDefinition, type FormItem, type FormSection } from './form';
import { divideHalfUp, fromHundredths, toHundredths } from './hundredths';

// The form types travel with the function, so one import gives a caller (service or browser) both.
export * from './form';

export interface ItemResult {
  itemId: string;
  sectionId: string;
  value: AnswerValue;
  /** Points earned; null when the item is N/A (it is then out of the maximum too). */
  points: number | null;
  maxPoints: number;
  criticalFailed: boolean;
  band: 'good' | 'poor' | null;
}

export interface SectionResult {
  sectionId: string;
  /** Raw points earned and available after N/A (a failed section: 0 of its full points). */
  earned: number;
  available: number;
  weight: number | null;
  score: number;
  maxScore: number;
  failed: boolean;
}

export interface FormScore {
  score: number;
  maxScore: number;
  /** 0–100, two decimals half up; 0 when nothing was scorable. */
  percent: number;
  criticalFail: boolean;
  failedSections: string[];
  anyItemZero: boolean;
  sections: SectionResult[];
  items: ItemResult[];
}

/** An exact non-negative fraction of hundredths, so the total rounds once. */
interface Fraction {
  num: bigint;
  den: bigint;
}
const add = (a: Fraction, b: Fraction): Fraction => ({ num: a.num * b.den + b.num * a.den, den: a.den * b.den });

/**
 * Scores answers (already checked by `checkAnswers`) on a form version. Precedence: a fail-all
 * critical zeroes every section out of its full points; a fail-section critical zeroes its section
 * out of its full points (N/A inside it no longer lowers the maximum); otherwise N/A removes an item
 * from the maximum. A weighted section gives earned/available × weight; an unweighted one its points.
 */
export function scoreForm(form: FormDefinition, answers: Answer[]): FormScore {
  const byItem = new Map(answers.map((a) => [a.itemId, a.value]));
  const items = allItems(form).map(({ section, item }) => scoreItem(section, item, byItem.get(item.itemId) ?? 'na'));
  const criticalFail = items.some((i) => i.criticalFailed && critical(form, i.itemId) === 'fail-all');
  let total: Fraction = { num: 0n, den: 1n };
  let maxTotal = 0;
  const sections = form.sections.map((section) => {
    const mine = items.filter((i) => i.sectionId === section.sectionId);
    const failed = criticalFail || mine.some((i) => i.criticalFailed);
    const full = sum(section.items.map((i) => toHundredths(i.maxPoints)));
    const earned = failed ? 0 : sum(mine.map((i) => (i.points === null ? 0 : toHundredths(i.points))));
    const available = failed ? full : sum(mine.filter((i) => i.points !== null).map((i) => toHundredths(i.maxPoints)));
    const weight = section.weight === undefined ? null : toHundredths(section.weight);
    // A section with nothing scorable (all N/A) leaves the evaluation altogether, weight included.
    const max = available === 0 ? 0 : (weight ?? available);
    const share: Fraction = available === 0 ? { num: 0n, den: 1n } : weight === null ? { num: BigInt(earned), den: 1n } : { num: BigInt(earned) * BigInt(weight), den: BigInt(available) };
    total = add(total, share);
    maxTotal += max;
    return {
      sectionId: section.sectionId,
      earned: fromHundredths(earned),
      available: fromHundredths(available),
      weight: section.weight ?? null,
      score: fromHundredths(Number(divideHalfUp(share.num, share.den))),
      maxScore: fromHundredths(max),
      failed,
    };
  });
  const scoreH = divideHalfUp(total.num, total.den);
  const percentH = maxTotal === 0 ? 0n : divideHalfUp(total.num * 10_000n, total.den * BigInt(maxTotal));
  return {
    score: fromHundredths(Number(scoreH)),
    maxScore: fromHundredths(maxTotal),
    percent: fromHundredths(Number(percentH)),
    criticalFail,
    failedSections: sections.filter((s) => s.failed && !criticalFail).map((s) => s.sectionId),
    anyItemZero: items.some((i) => i.points === 0 && i.maxPoints > 0),
    sections,
    items,
  };
}

// One literal with every field, not `{ ...base, … }`: V8 built the spread objects slowly and left much garbage —
// 0.1 ms a form (5 µs an item) against 7 µs for the literal, and serialising them was slower too (bench:qa).
function scoreItem(section: FormSection, item: FormItem, value: AnswerValue): ItemResult {
  if (value === 'na') return { itemId: item.itemId, sectionId: section.sectionId, value, maxPoints: item.maxPoints, points: null, criticalFailed: false, band: null };
  const points = typeof value === 'boolean' ? (value ? item.maxPoints : 0) : value;
  const criticalFailed = item.critical !== undefined && value === false;
  return { itemId: item.itemId, sectionId: section.sectionId, value, maxPoints: item.maxPoints, points, criticalFailed, band: bandOf(item, points) };
}

function bandOf(item: FormItem, points: number): 'good' | 'poor' | null {
  if (!item.bands) return null;
  if (points >= item.bands.good.min && points <= item.bands.good.max) return 'good';
  if (points >= item.bands.poor.min && points <= item.bands.poor.max) return 'poor';
  return null;
}

function critical(form: FormDefinition, itemId: string) {
  return allItems(form).find(({ item }) => item.itemId === itemId)?.item.critical;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
