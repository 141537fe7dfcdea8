/** Who spoke a transcript segment. */
export const TRANSCRIPT_SPEAKERS = ['agent', 'customer'] as const;
export type TranscriptSpeaker = (typeof TRANSCRIPT_SPEAKERS)[number];

/** One recognised utterance; offsets in milliseconds from the start of the recording. */
export interface TranscriptSegment {
  speaker: TranscriptSpeaker;
  startMs: number;
  endMs: number;
  text: string;
  /** The recogniser's confidence, 0–1. */
  confidence?: number;
}

/**
 * `telephony.call.transcribed`: a call's transcript from a speech-recognition system, the same body as
 * `POST /v1/transcripts` (contracts.md third round). qa-evaluation consumes it (idempotently, by message id)
 * and checks it against the QA policy's speech checks. A later transcript of the same call replaces it.
 */
export interface CallTranscribedEvent {
  callId: string;
  segments: TranscriptSegment[];
  /** Optional: which recogniser produced it (kept for display). */
  source?: string;
}
