/**
 * Payroll's events (contracts.md): `scoring.score.finalized` once per agent per closed period,
 * `scoring.score.revised` for every later change, each with `Nats-Msg-Id` = `eventId`
 * (`score-<period>-<agentId>-r<revision>`). Money in yuan, two decimals; scores at most two decimals.
 */
export interface PayLine {
  code: string;
  amount: number;
  labelZh?: string;
  labelEn?: string;
}

export interface ScoreEvent {
  eventId: string;
  schemaVersion: 1;
  period: string;
  agentId: string;
  revision: number;
  previousRevision: number | null;
  policyVersion: string;
  /** null when the agent is not appraised this month (away too long). */
  totalScore: number | null;
  grade: string | null;
  levelBefore: string;
  levelAfter: string;
  pay: { currency: 'CNY'; lines: PayLine[]; total: number };
  deductionPoints?: number;
  appraised?: boolean;
  /** On a revision: what changed against the previous revision. */
  difference?: Record<string, { before: unknown; after: unknown }>;
  finalizedAt: string;
}
