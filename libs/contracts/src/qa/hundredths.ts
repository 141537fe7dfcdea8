/**
 * Scores are kept as integer hundredths so that adding and weighting never drifts; only the final
 * division rounds, half up (rules.md §11: two decimals, half up).
 */
export type Hundredths = number;

export function toHundredths(value: number): Hundredths {
  return Math.round(value * 100);
}

export function fromHundredths(h: Hundredths): number {
  return h / 100;
}

/** True when a number has at most two decimals (so it is exactly representable in hundredths). */
export function hasAtMostTwoDecimals(value: number): boolean {
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-9;
}

/** round(numerator / denominator) half up, for non-negative integers given as bigint. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new Error('denominator must be positive');
  return (2n * numerator + denominator) / (2n * denominator);
}
