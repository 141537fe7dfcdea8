import { isNonEmptyString, problem } from '../validation/problems';
import { canonicalPaths, checkSegment, type FieldPaths } from './check-segment';
import { inTimeOrder, TRANSCRIPT_CODES, type ReadTranscript, type RejectedSegment, type Segment, type SpeechProblem, type TranscriptLimits } from './transcript';

/** One input item on its way to a segment: the canonical-shaped value and where its fields were in the input. */
export interface SegmentCandidate {
  raw: unknown;
  paths: FieldPaths;
  /** Set when the item is already known to be unusable (e.g. a vendor's channel without sentences). */
  error?: SpeechProblem;
}

/** A transcript read from a body: the call, the segments, and what refuses the whole request (empty when none). */
export interface TranscriptInput extends ReadTranscript {
  callId?: string;
  source?: string;
  problems: SpeechProblem[];
}

const CALL_ID_MAX = 200;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f]/;

/** A call id usable as a key: a short printable string. */
export function callIdProblem(value: unknown, path: string): SpeechProblem | null {
  if (!isNonEmptyString(value)) return problem('QA.REQUEST_INVALID', path, 'callId is required: a non-empty string / callId 必填');
  if (value.length > CALL_ID_MAX || UNPRINTABLE.test(value)) return problem('QA.REQUEST_INVALID', path, `callId must be printable and at most ${CALL_ID_MAX} characters / callId 须为可打印字符, 最多 ${CALL_ID_MAX} 个`);
  return null;
}

/**
 * Every candidate checked on its own: the good ones kept (in time order), the bad ones reported by index with
 * each field's path. More than `maxSegments` refuses the whole transcript before any is read.
 */
export function collectSegments(candidates: SegmentCandidate[], limits: TranscriptLimits, listPath: string): { transcript: ReadTranscript; problems: SpeechProblem[] } {
  if (candidates.length > limits.maxSegments) {
    const p = problem(TRANSCRIPT_CODES.tooLong, listPath, `${candidates.length} segments; a transcript may hold at most ${limits.maxSegments} / 片段数超过上限 ${limits.maxSegments}`);
    return { transcript: { segments: [], rejected: [] }, problems: [p] };
  }
  const segments: Segment[] = [];
  const rejected: RejectedSegment[] = [];
  candidates.forEach((c, index) => {
    const { segment, errors } = c.error ? { segment: undefined, errors: [c.error] } : checkSegment(c.raw, c.paths, limits);
    if (segment) segments.push(segment);
    else rejected.push({ index, errors });
  });
  const problems = segments.length === 0
    ? [problem(TRANSCRIPT_CODES.empty, listPath, 'no usable segment: nothing to check / 没有可用的转写片段'), ...rejected.slice(0, 20).flatMap((r) => r.errors)]
    : [];
  return { transcript: { segments: inTimeOrder(segments), rejected }, problems };
}

/**
 * The segments of `POST /v1/transcripts` and `telephony.call.transcribed` (`{ speaker, startMs, endMs, text,
 * confidence? }` each), read one by one: the call's envelope is checked against its command class before this.
 */
export function readCanonicalSegments(segments: readonly unknown[], limits: TranscriptLimits): { transcript: ReadTranscript; problems: SpeechProblem[] } {
  return collectSegments(segments.map((raw, i) => ({ raw, paths: canonicalPaths(`segments[${i}]`) })), limits, 'segments');
}
