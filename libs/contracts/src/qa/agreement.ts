/**
 * The machine against the evaluators (`GET /v1/auto-evaluations/agreement?from=&to=`), as qa-evaluation computes
 * it and the console shows it: one declaration for both.
 */

/** A call where the machine and the evaluator answered an item differently. */
export interface Disagreement {
  callId: string;
  agentId: string;
  evaluationId: string;
  machine: unknown;
  human: unknown;
}

export interface ItemAgreement {
  itemId: string;
  /** Calls where both answered the item (n). */
  compared: number;
  agreed: number;
  /** agreed / compared × 100, two decimals; null with nothing compared. */
  percentAgreement: number | null;
  /**
   * Cohen's kappa, (pₒ − pₑ) / (1 − pₑ), four decimals: agreement beyond what the two answer distributions give by
   * chance. Null when undefined (nothing compared, or both always gave one and the same answer: pₑ = 1).
   */
  kappa: number | null;
  /** Counts by `machine|human` answer. */
  table: Record<string, number>;
  disagreementCount: number;
  /** The first of them (at most 100 per item). */
  disagreements: Disagreement[];
}

export interface AgreementReport {
  from: string;
  to: string;
  /** Calls with both an automatic and a (live) human evaluation on the same form. */
  calls: number;
  items: ItemAgreement[];
}
