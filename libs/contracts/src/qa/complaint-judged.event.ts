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
  category: string;
  receivedAt: string;
  callId?: string;
  version: number;
  judgedAt: string;
}
