/**
 * `qa.conduct.recorded`: a reward/penalty record 奖罚记录 (rules.md §4, §5, §9, §10).
 * - `reward` / `penalty`: `amount` in yuan (positive, two decimals); the kind gives the direction.
 * - `points`: `points` are deduction points (positive) against the HR score and the 6-month tally.
 * - `adjustment`: `points` is the signed change to the month's total (meeting fault −5, monthly test +5/−5,
 *   `ISSUER_OVERTURNED` −10).
 * `scorecardPart` files a record against a shift lead's scorecard part (rules.md §10).
 */
export type ConductKind = 'reward' | 'penalty' | 'points' | 'adjustment';

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
  scorecardPart?: 'volume' | 'quality' | 'conduct';
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
