import type { AdapterResult } from '../adapters/adapter-result';
import type { IngestResult } from '../ingest/ingest-call-events';

/**
 * What an upload came to. Counts cover every line or record; the lists hold only the first
 * `problemsListed` of each kind, so the answer stays small whatever the upload holds.
 */
export interface ImportReport extends IngestResult {
  rejectedCount: number;
  counts: Record<string, number>;
  ignored: AdapterResult['ignored'];
  ignoredCount: number;
  unparseable: AdapterResult['unparseable'];
  unparseableCount: number;
  agentStates: { accepted: number; duplicates: number };
}

export function emptyReport(): ImportReport {
  return {
    accepted: 0, duplicates: 0, rejected: [], rejectedCount: 0, counts: {}, ignored: [], ignoredCount: 0,
    unparseable: [], unparseableCount: 0, agentStates: { accepted: 0, duplicates: 0 },
  };
}

/** Appends up to the cap; the caller counts the total. */
export function pushCapped<T>(list: T[], items: readonly T[], cap: number): void {
  for (const item of items) {
    if (list.length >= cap) return;
    list.push(item);
  }
}

/** Lines that held anything (mapped, ignored or unparseable): a body of blank lines is no upload at all. */
export function linesRead(report: ImportReport): number {
  let n = report.unparseableCount;
  for (const count of Object.values(report.counts)) n += count;
  return n;
}
