import type { Problem } from '../validation/problems';

export type Speaker = 'agent' | 'customer';
export const SPEAKERS: readonly Speaker[] = ['agent', 'customer'];

/** One recognised utterance, offsets in ms from the start of the recording (contracts.md third round). */
export interface Segment {
  speaker: Speaker;
  startMs: number;
  endMs: number;
  text: string;
  /** The recogniser's confidence, 0–1. */
  confidence?: number;
  /** Sentiment a recogniser reported (Amazon Transcribe Call Analytics); kept for display, checked by no default check. */
  sentiment?: 'positive' | 'negative' | 'neutral' | 'mixed';
}

/** A segment the input could not give, by its index in the input and each failing field's path. */
export interface RejectedSegment {
  index: number;
  errors: Problem[];
}

/** What a transcript may hold (policy `speech.limits`): a 4-hour call is a few thousand segments. */
export interface TranscriptLimits {
  maxSegments: number;
  maxTextLength: number;
  maxDurationMs: number;
}

/** A transcript as read from any source: the good segments in time order, and every rejected one. */
export interface ReadTranscript {
  segments: Segment[];
  rejected: RejectedSegment[];
}

/** Time order (start, then end), the input order breaking ties: the order every check and every evidence index uses. */
export function inTimeOrder(segments: Segment[]): Segment[] {
  return segments
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.startMs - b.s.startMs || a.s.endMs - b.s.endMs || a.i - b.i)
    .map(({ s }) => s);
}
