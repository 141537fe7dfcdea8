import { hasAtMostTwoDecimals } from '../forms/hundredths';
import { problem, type Problem } from '../validation/problems';
import type { CatalogueItem } from './catalogue';

export type FigureProblemCode = 'QA.CONDUCT_AMOUNT_REQUIRED' | 'QA.CONDUCT_VALUE_OUT_OF_RANGE';

export interface ResolvedFigures {
  /** Yuan in integer fen. */
  amountFen: number;
  points: number;
  /** A first offence of a fine: recorded as a warning, no money. */
  warning: boolean;
}

/**
 * The amount and points a record carries: the catalogue's defaults, or the issuer's choice within
 * the item's range; LOSS takes the recorded amount. A first offence of a fine that allows it is a
 * warning with no money (rules.md §4).
 */
export function resolveRecordFigures(item: CatalogueItem, input: { amount?: unknown; points?: unknown }, priorOffences: number, warnFirstOffence: boolean): { figures?: ResolvedFigures; problems: Problem<FigureProblemCode>[] } {
  const problems: Problem<FigureProblemCode>[] = [];
  let amount = item.amount;
  let points = item.points;
  if (item.amountFromRecord && input.amount === undefined) {
    problems.push(problem('QA.CONDUCT_AMOUNT_REQUIRED', 'amount', `${item.code} takes the loss amount in yuan / ${item.code} 须填写损失金额`));
  }
  if (input.amount !== undefined) {
    const a = input.amount;
    if (typeof a !== 'number' || !hasAtMostTwoDecimals(a) || a < item.amountMin || a > item.amountMax || (item.amountFromRecord && a <= 0)) {
      problems.push(problem('QA.CONDUCT_VALUE_OUT_OF_RANGE', 'amount', `${item.code}: amount ${item.amountMin}–${item.amountMax} yuan, two decimals / 金额须在 ${item.amountMin}–${item.amountMax} 元之间`));
    } else amount = a;
  }
  if (input.points !== undefined) {
    const p = input.points;
    if (typeof p !== 'number' || !Number.isInteger(p) || p < item.pointsMin || p > item.pointsMax) {
      problems.push(problem('QA.CONDUCT_VALUE_OUT_OF_RANGE', 'points', `${item.code}: points ${item.pointsMin} to ${item.pointsMax} / 分值须在 ${item.pointsMin} 至 ${item.pointsMax} 之间`));
    } else points = p;
  }
  if (problems.length) return { problems };
  const warning = warnFirstOffence && item.kind === 'penalty' && item.firstOffenceWarning && priorOffences === 0;
  return { figures: { amountFen: warning ? 0 : Math.round(amount * 100), points, warning }, problems };
}
