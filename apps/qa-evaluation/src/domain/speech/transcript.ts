import type { RejectedSegment as ServedRejectedSegment, Segment, Speaker } from '@app/contracts/qa/speech';
import type { Problem } from '../validation/problems';

/** Stable codes of a refused segment (each with the failing field's path, as the input names it). */
export const SEGMENT_CODES = {
  invalid: 'QA.SEGMENT_INVALID',
  speakerUnknown: 'QA.SEGMENT_SPEAKER_UNKNOWN',
  timeInvalid: 'QA.SEGMENT_TIME_INVALID',
  timeOutOfRange: 'QA.SEGMENT_TIME_OUT_OF_RANGE',
  textInvalid: 'QA.SEGMENT_TEXT_INVALID',
  textTooLong: 'QA.SEGMENT_TEXT_TOO_LONG',
  textNotPrintable: 'QA.SEGMENT_TEXT_NOT_PRINTABLE',
  confidenceOutOfRange: 'QA.SEGMENT_CONFIDENCE_OUT_OF_RANGE',
} as const;

/** Whole-request refusals of a transcript (the segments' own codes are in check-segment). */
export const TRANSCRIPT_CODES = {
  tooLong: 'QA.TRANSCRIPT_TOO_LONG',
  empty: 'QA.TRANSCRIPT_EMPTY',
  vendorFormat: 'QA.TRANSCRIPT_FORMAT_INVALID',
} as const;

type ValueOf<T> = T[keyof T];

/** What a transcript, or one of its segments, may be refused for. */
export type SpeechProblem = Problem<ValueOf<typeof SEGMENT_CODES> | ValueOf<typeof TRANSCRIPT_CODES> | 'QA.REQUEST_INVALID'>;

// The served shapes are the contract's (shared with the console); a rejection here names its codes.
export type { Segment, Speaker } from '@app/contracts/qa/speech';
export const SPEAKERS: readonly Speaker[] = ['agent', 'customer'];

/** A segment the input could not give, by its index in the input and each failing field's path. */
export interface RejectedSegment extends ServedRejectedSegment {
  errors: SpeechProblem[];
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
