/**
 * `qa.conduct.recorded`: a reward/penalty record 奖罚记录 (rules.md §4, §5, §9, §10).
 * - `reward` / `penalty`: `amount` in yuan (positive, two decimals); the kind gives the direction.
 * - `points`: `points` are deduction points (positive) against the HR score and the 6-month tally.
 * - `adjustment`: `points` is the signed change to the month's total (meeting fault −5, monthly test +5/−5,
 *   `ISSUER_OVERTURNED` −10).
 * `scorecardPart` files a record against a shift lead's scorecard part (rules.md §10).
 */
export type ConductKind = 'reward' | 'penalty' | 'points' | 'adjustment';
export const SCORECARD_PARTS = ['volume', 'quality', 'conduct', 'knowledge'] as const;
export type ScorecardPart = (typeof SCORECARD_PARTS)[number];

export interface ConductRecordedEvent {
  eventId: string;
  schemaVersion: 1;
  recordId: string;
  agentId: string;
  code: string;
  kind: ConductKind;
  amount: number;
  points: number;
  occurredAt: string;
  issuerId: string;
  callId?: string;
  labelZh: string;
  labelEn: string;
  /**
   * Filed against one scorecard component instead of the month's total: a shift lead's part (rules.md §10), or
   * `knowledge` (an error from not knowing the product or process, −1 in applying knowledge).
   */
  scorecardPart?: ScorecardPart;
  /** The catalogue category of `code` (`phone`, `taboo`, `appearance`, …): the policy decides which bar the awards. */
  category?: string;
  /** The rostered local date (yyyy-mm-dd) the record is about, for records of a day (late, early leave, absence). */
  date?: string;
  /** For `ISSUER_OVERTURNED`: the record whose upheld appeal caused it. */
  causedByRecordId?: string;
  /** A first offence recorded as a warning instead of the fine (rules.md §4): `amount` is then 0. */
  warning?: boolean;
}

/** `qa.conduct.voided`: a record no longer counts (an upheld appeal). */
export interface ConductVoidedEvent {
  eventId: string;
  schemaVersion: 1;
  recordId: string;
  agentId: string;
  reason: string;
  issuerId: string;
  voidedAt: string;
}
