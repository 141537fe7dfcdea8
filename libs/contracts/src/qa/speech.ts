import type { TranscriptSegment, TranscriptSpeaker } from '../telephony/call-transcribed.event';
import type { AnswerValue } from './form';

/**
 * Speech QA as qa-evaluation serves it (`GET /v1/transcripts/{callId}`, `GET /v1/auto-evaluations/{callId}`) and
 * the console reads it: declared once so the service's checks and the page that shows them cannot drift apart.
 * qa's domain builds its internal types on these (a check outcome keeps its hits there).
 */
export type Speaker = TranscriptSpeaker;

/** One recognised utterance, offsets in ms from the start of the recording (contracts.md third round). */
export interface Segment extends TranscriptSegment {
  /** Sentiment a recogniser reported (Amazon Transcribe Call Analytics); kept for display, checked by no default check. */
  sentiment?: 'positive' | 'negative' | 'neutral' | 'mixed';
}

/** A segment the input could not give, by its index in the input and each failing field's code and path. */
export interface RejectedSegment {
  index: number;
  errors: Array<{ code: string; path: string; message: string }>;
}

/** Where a transcript's checking stands: `waiting` for the call's facts (an answered leg) before it can be checked. */
export type TranscriptState = 'pending' | 'waiting' | 'checked' | 'failed';

/** `GET /v1/transcripts/{callId}`: the call's latest transcript. */
export interface TranscriptView {
  callId: string;
  version: number;
  source: string;
  state: TranscriptState;
  /** In time order: the indexes hits and evidence refer to. */
  segments: Segment[];
  durationMs: number;
  /** The first segments refused, and how many in all. */
  rejections: RejectedSegment[];
  rejectedCount: number;
  receivedAt: string;
  checkedAt: string | null;
}

/** One thing a check found, with where: the segment (index in time order), its time span and the words matched. */
export interface Hit {
  check: string;
  /** The check's signal: `forbidden-phrase`, `complaint-risk`, `script`, … */
  kind: string;
  segment: number;
  startMs: number;
  endMs: number;
  matched: string[];
  /** The policy phrase that matched, for phrase checks. */
  phrase?: string;
  /** A measured value: the silence in ms, a segment's rate per minute. */
  value?: number;
}

/** A segment shown as evidence for an item: where, what was said, the words that decided. */
export interface Evidence {
  segment: number;
  startMs: number;
  endMs: number;
  text: string;
  matched: string[];
}

/** A form item the machine answered. */
export interface AutoItem {
  itemId: string;
  answer: AnswerValue;
  auto: true;
  /** The checks that answered it. */
  checks: string[];
  evidence: Evidence[];
}

/** A check's outcome as served: its hits are in the evaluation's `hits`, `hitCount` counts them all. */
export interface OutcomeSummary {
  check: string;
  signal: string;
  itemId: string | null;
  /** null: the transcript cannot tell (the speaker never speaks, too few words for a ratio). */
  passed: boolean | null;
  hitCount: number;
  /** What a measuring check measured (ratio, rate). */
  measured?: Record<string, number>;
}

/** `GET /v1/auto-evaluations/{callId}`: the machine's evaluation of the call, apart from people's. */
export interface AutoEvaluationView {
  callId: string;
  agentId: string;
  formId: string;
  formVersion: number;
  items: AutoItem[];
  /** Capped per check; `hitCounts` counts them all. */
  hits: Hit[];
  version: number;
  policyVersion: string;
  transcriptVersion: number;
  checkedAt: string;
  /** A check that flags failed: sampling offers the call first. */
  flagged: boolean;
  /** Hits by kind, all of them. */
  hitCounts: Record<string, number>;
  outcomes: OutcomeSummary[];
}
