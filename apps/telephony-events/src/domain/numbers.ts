/** Half-up rounding; the EPSILON nudge keeps 1.005 from landing on 1.00 (values here are ≥ 0). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * (1 + Number.EPSILON) * factor) / factor;
}

/** Duration between two instants; a negative span (clock skew between sources) counts as 0. */
export function spanMs(from: number, to: number): number {
  return Math.max(0, to - from);
}

export function average(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Ratio rounded to 4 decimals, null when nothing was counted in the denominator. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : roundTo(numerator / denominator, 4);
}
