/**
 * Scores are integer hundredths and money integer fen: every figure is rounded once, half up, on
 * integers, so a total never depends on float drift (rules.md §11: two decimals, half up).
 */
export function divHalfUp(numerator: number, denominator: number): number {
  if (denominator === 0) throw new Error('division by zero');
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  return sign * Math.floor((2 * n + d) / (2 * d));
}

/** A policy number (points or yuan, at most two decimals) as integer hundredths / fen. */
export function toCents(value: number): number {
  return Math.round(value * 100);
}

/** Integer hundredths / fen back to a two-decimal number for JSON. */
export function fromCents(cents: number): number {
  return cents / 100;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}
