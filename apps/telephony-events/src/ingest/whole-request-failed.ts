/** The counts of an ingest answer (ingest/ingest-call-events.ts `IngestResult`) or an adapter's report. */
type Outcome = { accepted: number; duplicates: number; rejected: readonly unknown[] };

/**
 * Nothing at all could be used, and something was refused: the request as a whole failed, so it
 * answers 400 in the contract's error body (with the same per-item report), not 202.
 * One predicate for the call-events endpoint and the adapters.
 */
export function wholeRequestFailed(r: Outcome & { agentStates?: { accepted: number; duplicates: number }; unparseable?: unknown[]; unparseableCount?: number }): boolean {
  const used = r.accepted + r.duplicates + (r.agentStates ? r.agentStates.accepted + r.agentStates.duplicates : 0);
  const refused = r.rejected.length + (r.unparseableCount ?? r.unparseable?.length ?? 0);
  return used === 0 && refused > 0;
}
