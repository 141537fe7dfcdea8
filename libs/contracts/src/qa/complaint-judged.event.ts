/**
 * The complaint categories (issue 16): `knowledge` and `process` complaints are the ones caused by not knowing the
 * product or the process 專業知識或工作流程不熟練, which cost the applying-knowledge component; every valid complaint,
 * whatever its category, counts for demotion and awards. Extend, never rename.
 */
export const COMPLAINT_CATEGORIES = ['attitude', 'knowledge', 'process', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/**
 * `qa.complaint.judged`: a complaint judged valid or not; re-judging publishes a higher `version`.
 * Only valid complaints count against the agent, in the month of `receivedAt`.
 */
export interface ComplaintJudgedEvent {
  eventId: string;
  schemaVersion: 1;
  complaintId: string;
  agentId: string | null;
  valid: boolean;
  category: ComplaintCategory;
  receivedAt: string;
  callId?: string;
  version: number;
  judgedAt: string;
}
