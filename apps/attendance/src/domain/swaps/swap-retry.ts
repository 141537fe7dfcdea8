import type { SwapRequest } from './swap-rules';

/**
 * A swap asked for again while the first is still standing (requested, consented or approved) is that
 * swap, not a second one: a second would also count twice toward the monthly limit (rules.md §2).
 */
export function standingSameSwap<S extends SwapRequest>(ask: SwapRequest, standing: S[]): S | undefined {
  return standing.find(
    (s) => s.requesterId === ask.requesterId && s.counterpartId === ask.counterpartId && s.date === ask.date && s.paybackDate === ask.paybackDate,
  );
}
