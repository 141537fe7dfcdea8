/**
 * `qa.evaluation.finalized` (first submission) and `qa.evaluation.revised` (any later change, e.g.
 * an accepted dispute), each carrying the evaluation's full current figures and a higher `version`.
 * `eventId` is `evaluation-<evaluationId>-v<version>`. A voided evaluation is revised with `voided: true`.
 */
export interface EvaluationEvent {
  eventId: string;
  schemaVersion: 1;
  evaluationId: string;
  callId: string;
  agentId: string;
  formId: string;
  formVersion: number;
  score: number;
  maxScore: number;
  /** 0–100, two decimals. */
  percent: number;
  criticalFail: boolean;
  evaluatedAt: string;
  evaluatorId: string;
  version: number;
  voided?: boolean;
}
