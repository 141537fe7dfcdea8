/**
 * `qa.appraisal.submitted`: the supervisor's monthly appraisal of an agent (rules.md §6). A resubmission
 * before close replaces the earlier one with a higher `version`; the self-score is never published.
 * `eventId` is `appraisal-<agentId>-<period>-v<version>`.
 */
export interface AppraisalSubmittedEvent {
  eventId: string;
  schemaVersion: 1;
  agentId: string;
  /** yyyy-mm */
  period: string;
  /** Item id → points given. */
  scores: Record<string, number>;
  /** Section totals by section id of the form: `attitude` (of 35) and `capability` (of 35) for the seeded form. */
  sections: Record<string, number>;
  total: number;
  anyItemZero: boolean;
  supervisorId: string;
  formId: string;
  formVersion: number;
  version: number;
  submittedAt: string;
}
