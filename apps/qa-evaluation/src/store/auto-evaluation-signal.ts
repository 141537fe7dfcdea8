import type { Segment } from '../domain/speech/transcript';

/** A transcript just stored, with the segments ingest already holds. */
export interface FreshTranscript {
  callId: string;
  version: number;
  segments: Segment[];
}

/**
 * "Transcripts were stored": lets ingest wake the automatic evaluation without importing it (the evaluation
 * polls anyway, for calls that arrive after their transcript; this only saves the wait). Handing over the
 * segments spares the evaluation reading them back; it reads them from the store when it was not handed them.
 */
export abstract class AutoEvaluationSignal {
  abstract notify(fresh?: FreshTranscript[]): void;
}
