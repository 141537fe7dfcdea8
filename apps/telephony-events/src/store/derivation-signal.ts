/**
 * "Calls were marked for derivation": lets ingest and the admin endpoints wake the summarizer
 * without importing it (the summarizer polls anyway; this only saves the wait).
 */
export abstract class DerivationSignal {
  abstract notify(): void;
}
