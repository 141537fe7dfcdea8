/**
 * `notification.conduct.acknowledged`: an agent signed a reward/penalty record from the in-app inbox;
 * qa-evaluation records the signature as if the agent had called its acknowledge endpoint.
 */
export interface ConductAcknowledgedEvent {
  eventId: string;
  schemaVersion: 1;
  recordId: string;
  agentId: string;
  acknowledgedAt: string;
}
