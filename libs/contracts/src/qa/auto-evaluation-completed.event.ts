/** A machine answer to one form item: the item's value as an evaluator would give it (`true`/`false`, points, `"na"`). */
export interface AutoAnswer {
  itemId: string;
  answer: number | boolean | 'na';
}

/**
 * `qa.auto-evaluation.completed`: a call's transcript was checked against the QA policy's speech checks
 * (contracts.md third round). A separate record from human evaluations: scoring shows its `kpis` on the scorecard
 * and, by default, counts none of it.
 * `eventId` is `auto-evaluation-<callId>-v<version>`; a new transcript of the call publishes a higher `version`.
 */
export interface AutoEvaluationCompletedEvent {
  eventId: string;
  schemaVersion: 1;
  callId: string;
  agentId: string;
  formId: string;
  formVersion: number;
  version: number;
  policyVersion: string;
  /** The items the machine answered; every other item of the form is left to people. */
  items: AutoAnswer[];
  /** Hits by kind, e.g. `{ "forbidden-phrase": 2, "complaint-risk": 1 }`. */
  hitCounts: Record<string, number>;
  /** A forbidden phrase, a failed script or a complaint risk: sampling offers the call first. */
  flagged: boolean;
  checkedAt: string;
  /** What the call adds to its agent's month of speech KPIs (issue 19); absent on events published before they were added. */
  kpis?: {
    /** Script checks judged (opening, closing, …) and how many of them passed. */
    scriptChecks: number;
    scriptPassed: number;
    /** Forbidden phrases said. */
    forbiddenPhrases: number;
    /** The caller sounded like complaining. */
    complaintRisk: boolean;
  };
}
