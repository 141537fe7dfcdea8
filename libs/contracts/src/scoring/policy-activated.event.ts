/**
 * `scoring.policy.activated`: the policy version now in force, published by scoring. Other
 * services keep a copy of the sections they apply (telephony: ring, hold and quality limits).
 * Sections are partial: what a policy leaves out keeps its default.
 */
export interface PolicyActivatedEvent {
  policyVersion: string;
  effectiveFrom: string;
  /** telephony-events' parameters (ring, hold and quality limits, where MixMonitor leaves recordings), partial like the others. */
  telephony?: Record<string, unknown>;
  /** attendance's parameters (grace periods, windows, leave types, swap limits), partial like the others. */
  attendance?: Record<string, unknown>;
  /** qa-evaluation's parameters (sampling size, dispute window, appraisal deadlines, catalogue amounts). */
  qa?: Record<string, unknown>;
}
