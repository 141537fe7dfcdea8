import { isNonEmptyString, isRecord, problem } from '../../validation/problems';
import { collectSegments, type SegmentCandidate, type TranscriptInput } from '../read-transcript';
import { TRANSCRIPT_CODES, type TranscriptLimits } from '../transcript';

const ROLES: Record<string, 'agent' | 'customer'> = { AGENT: 'agent', CUSTOMER: 'customer' };
const SENTIMENTS: Record<string, string> = { POSITIVE: 'positive', NEGATIVE: 'negative', NEUTRAL: 'neutral', MIXED: 'mixed' };

/**
 * Amazon Transcribe Call Analytics output (post-call, compiled): `Transcript[]` turns with `ParticipantRole`
 * (AGENT / CUSTOMER), `BeginOffsetMillis`, `EndOffsetMillis`, `Content` and `Sentiment`. Every other part of
 * the document (categories, characteristics, loudness) is left alone. The call is `?callId=`, else the job's
 * `JobName`. A turn of another role or with a bad field is reported at its own path; the others are kept.
 */
export function readAmazonTranscribe(body: unknown, limits: TranscriptLimits): TranscriptInput {
  if (!isRecord(body) || !Array.isArray(body.Transcript)) {
    return { segments: [], rejected: [], problems: [problem(TRANSCRIPT_CODES.vendorFormat, 'Transcript', 'not Call Analytics output: a Transcript array is required / 不是 Call Analytics 输出: 缺少 Transcript 数组')] };
  }
  const candidates: SegmentCandidate[] = body.Transcript.map((turn: unknown, i: number) => {
    const at = `Transcript[${i}]`;
    const paths = { item: at, speaker: `${at}.ParticipantRole`, startMs: `${at}.BeginOffsetMillis`, endMs: `${at}.EndOffsetMillis`, text: `${at}.Content`, confidence: `${at}.Confidence` };
    if (!isRecord(turn)) return { raw: turn, paths };
    const raw = {
      speaker: ROLES[String(turn.ParticipantRole)] ?? turn.ParticipantRole,
      startMs: turn.BeginOffsetMillis,
      endMs: turn.EndOffsetMillis,
      text: turn.Content,
      ...(typeof turn.Sentiment === 'string' && SENTIMENTS[turn.Sentiment] ? { sentiment: SENTIMENTS[turn.Sentiment] } : {}),
    };
    return { raw, paths };
  });
  const read = collectSegments(candidates, limits, 'Transcript');
  return { ...(isNonEmptyString(body.JobName) ? { callId: body.JobName } : {}), source: 'amazon-transcribe', ...read.transcript, problems: read.problems };
}
